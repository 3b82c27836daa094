package io.pipelens.platform.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import io.pipelens.platform.web.RequestSizeLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The limits of {@link GraphQlLimits} on both services' GraphQL endpoints: depth and complexity through graphql-java's
 * instrumentations (Spring Boot adds every {@code Instrumentation} bean to the schema's engine), the body size through a
 * servlet filter ahead of everything else, security included.
 */
@AutoConfiguration
@ConditionalOnClass(RuntimeWiringConfigurer.class)
@EnableConfigurationProperties(GraphQlLimits.class)
public class GraphQlLimitsConfiguration {

    @Bean
    public MaxQueryDepthInstrumentation pipelensMaxDepth(GraphQlLimits limits) {
        return LimitInstrumentations.depth(limits.maxDepth());
    }

    @Bean
    public MaxQueryComplexityInstrumentation pipelensMaxComplexity(GraphQlLimits limits) {
        return LimitInstrumentations.complexity(limits.maxComplexity(), limits.rootFieldCost());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<RequestSizeLimitFilter> pipelensGraphQlRequestSizeLimit(GraphQlLimits limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
