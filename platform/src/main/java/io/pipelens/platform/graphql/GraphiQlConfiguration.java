package io.pipelens.platform.graphql;

import java.time.Duration;
import java.util.List;
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
     * The packages the page loads, {@code <package>/<version>/}, at the versions pinned in the parent pom and named in
     * the page. Only these are served without a key, not whatever else a jar puts under {@code _static/}.
     */
    static final List<String> PACKAGES = List.of("graphiql/3.2.0/", "react/18.3.1/", "react-dom/18.3.1/");

    private static final String PACKAGE_FILES = "classpath:/META-INF/resources/_static/";

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
                for (String directory : PACKAGES) {
                    // Versioned paths: a file under one never changes, so browsers may keep it.
                    registry.addResourceHandler(ASSETS + directory + "**")
                            .addResourceLocations(PACKAGE_FILES + directory)
                            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
                }
            }
        };
    }
}
