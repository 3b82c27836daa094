package io.pipelens.query.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails must not skip the event: the error propagates, the processor keeps its token and retries
 * the batch with back-off, and the failure shows in the logs and in the processor's status.
 */
@Configuration
public class ProcessingConfiguration {

    @Autowired
    void propagateProjectionErrors(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
