package io.pipelens.platform.graphql;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.boot.autoconfigure.graphql.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL that works without internet. Spring for GraphQL's own page loads GraphiQL and React from a CDN, so on a
 * network without internet it never gets past "Loading...". This page ({@code pipelens-graphiql/index.html}) loads
 * them from the service itself: GraphiQL's browser bundle and React's, from the npm packages pinned in the parent pom
 * (as org.mvnpm jars, each with its licence), served under {@value #ASSETS}. That path is under {@code /graphiql/},
 * which needs no API key, so the page loads when keys are required and the key is entered in its headers tab.
 * The page is served at {@code spring.graphql.graphiql.path} when {@code spring.graphql.graphiql.enabled} is true.
 */
@AutoConfiguration(after = GraphQlWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({GraphiQlHandler.class, WebMvcConfigurer.class})
@ConditionalOnBean(GraphQlHttpHandler.class)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
public class GraphiQlConfiguration {

    /** Where the packages' files are served: {@code /graphiql/assets/<package>/<version>/<file>}. */
    public static final String ASSETS = "/graphiql/assets/";

    /**
     * The page, ahead of Spring Boot's GraphQL routes (order 0): they hold a GET on the same path serving Spring for
     * GraphQL's page, which is then never reached.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public RouterFunction<ServerResponse> pipelensGraphiQlRoute(GraphQlProperties properties) {
        GraphiQlHandler page = new GraphiQlHandler(properties.getHttp().getPath(),
                properties.getWebsocket().getPath(), new ClassPathResource("pipelens-graphiql/index.html"));
        return RouterFunctions.route().GET(properties.getGraphiql().getPath(), page::handleRequest).build();
    }

    @Bean
    public WebMvcConfigurer pipelensGraphiQlAssets() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                // Versioned paths: a file under one never changes, so browsers may keep it.
                registry.addResourceHandler(ASSETS + "**")
                        .addResourceLocations("classpath:/META-INF/resources/_static/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
            }
        };
    }
}
