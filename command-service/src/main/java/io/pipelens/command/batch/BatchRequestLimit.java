package io.pipelens.command.batch;

import io.pipelens.platform.web.RequestSizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Caps the batch endpoint's body ({@code pipelens.batch.max-request-size}) before it is parsed: the item count limit
 * ({@code pipelens.batch.max-items}) is only checked once the whole body has been read into memory.
 */
@Configuration(proxyBeanMethods = false)
class BatchRequestLimit {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> batchRequestSizeLimit(
            BatchProperties limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/api/commands/batch");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
