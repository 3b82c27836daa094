package io.pipelens.query.config;

import io.pipelens.query.metrics.ProcessingMetrics;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A projection that fails must not skip the event: the error propagates, the processor keeps its token and retries
 * the batch with back-off, and the failure shows in the logs and in the processor's status.
 */
@Configuration
@EnableScheduling
public class ProcessingConfiguration {

    @Autowired
    void propagateProjectionErrors(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /** Every processor reports each event it handles, for the lag and throughput metrics. */
    @Autowired
    void countHandledEvents(EventProcessingConfigurer configurer, ObjectProvider<ProcessingMetrics> metrics) {
        configurer.registerDefaultHandlerInterceptor((configuration, processorName) -> (unitOfWork, chain) -> {
            metrics.getObject().handled(processorName, unitOfWork.getMessage());
            return chain.proceed();
        });
    }
}
