package io.pipelens.platform.graphql;

import io.pipelens.platform.security.PipelensSecurityConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.web.SecurityFilterChain;

/** Per-operation roles on the GraphQL endpoint: see {@link GraphQlAccessInstrumentation}. */
@AutoConfiguration(after = PipelensSecurityConfiguration.class)
@ConditionalOnClass({WebGraphQlInterceptor.class, SecurityFilterChain.class})
@ConditionalOnBean(PipelensSecurityConfiguration.AccessPolicy.class)
public class GraphQlSecurityConfiguration {

    @Bean
    public GraphQlAccessInterceptor pipelensGraphQlAccessInterceptor() {
        return new GraphQlAccessInterceptor();
    }

    @Bean
    public GraphQlAccessInstrumentation pipelensGraphQlAccess() {
        return new GraphQlAccessInstrumentation();
    }

    @Bean
    @Order(0)
    public AccessDeniedErrorResolver pipelensAccessDeniedErrorResolver() {
        return new AccessDeniedErrorResolver();
    }
}
