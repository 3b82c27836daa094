package io.pipelens.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.pipeline.PipelineProjection;
import io.pipelens.query.processing.DocumentBatch;
import io.pipelens.query.processing.ReadModel;
import io.pipelens.query.processing.ReplayPace;
import io.pipelens.query.processing.WriteBehind;
import io.pipelens.query.processing.WriteBehindTokenStore;
import io.pipelens.query.quality.DealLogImportProjection;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

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

    /**
     * Read models and tokens live in MongoDB, outside the event store's SQL transaction. With a transaction manager,
     * Axon stores a batch's token when the batch starts, trusting the transaction to undo it: here nothing would, and a
     * batch that failed, or whose process was killed, would be skipped for good. Without one, the token is stored as
     * the batch commits, after every read-model write of the batch (at-least-once; projections are idempotent). A
     * batched read model ({@code BatchedReadModel}) writes, or hands on its write, after the batch's last message here,
     * since that message need not reach its projection.
     */
    @Autowired
    void storeTokensAfterTheReadModels(EventProcessingConfigurer configurer) {
        configurer.registerDefaultTransactionManager(configuration -> NoTransactionManager.instance());
        configurer.registerDefaultHandlerInterceptor((configuration, processorName) -> (unitOfWork, chain) -> {
            Object result = chain.proceed();
            DocumentBatch.flushAllIfLast(unitOfWork);
            return result;
        });
    }

    /**
     * The deal journeys' writes: a replay's batches are written while the processor reads the next ones. Static, as
     * this configuration's own methods need it while it is being built.
     */
    @Bean(destroyMethod = "close")
    static WriteBehind<DealJourney> journeyWrites() {
        return new WriteBehind<>(DealJourneyProjection.PROCESSOR, DealJourney::id);
    }

    /** The deal journeys as their projection reads and writes them. */
    @Bean
    ReadModel<DealJourney> dealJourneys(JourneyStore journeys, WriteBehind<DealJourney> writes) {
        return journeys.readModel(writes);
    }

    /** The deal-journey processor stores a batch's token only after the batch's journeys are written. */
    @Autowired
    void storeJourneyTokensAfterTheirWrites(EventProcessingConfigurer configurer, WriteBehind<DealJourney> writes) {
        configurer.registerTokenStore(DealJourneyProjection.PROCESSOR, configuration -> new WriteBehindTokenStore(
                configuration.getComponent(TokenStore.class), DealJourneyProjection.PROCESSOR, writes));
    }

    /**
     * Replayed events wait for their slot under {@code pipelens.replay.max-events-per-second}: see {@link ReplayPace}.
     * Without a cap (the default) no interceptor is registered, so no event pays for asking whether it is replayed.
     */
    @Autowired
    void paceReplays(EventProcessingConfigurer configurer, ReplayPace pace) {
        if (!pace.capped()) {
            return;
        }
        configurer.registerDefaultHandlerInterceptor((configuration, processorName) -> (unitOfWork, chain) -> {
            if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                pace.replayed();
            }
            return chain.proceed();
        });
    }

    /**
     * Axon's per-message monitors, the ones the metrics contract names, see live events only: see
     * {@link LiveOnlyMessageMonitor}.
     */
    @Autowired
    void monitorLiveEventsOnly(EventProcessingConfigurer configurer, ObjectProvider<MeterRegistry> registry) {
        for (String processor : List.of(DealJourneyProjection.PROCESSOR, PipelineProjection.PROCESSOR,
                DealLogImportProjection.PROCESSOR)) {
            configurer.registerMessageMonitorFactory(processor, (configuration, componentType, componentName) ->
                    new LiveOnlyMessageMonitor(LiveOnlyMessageMonitor.axonMonitors(componentName,
                            registry.getIfAvailable(SimpleMeterRegistry::new))));
        }
    }

    /**
     * Every processor reports each event it handles, for the lag and throughput metrics. The metrics bean is looked up
     * once, on the first event, so that a replay does not pay a provider lookup for every event.
     */
    @Autowired
    void countHandledEvents(EventProcessingConfigurer configurer, ObjectProvider<ProcessingMetrics> metrics) {
        Supplier<ProcessingMetrics> once = SingletonSupplier.of(metrics::getObject);
        configurer.registerDefaultHandlerInterceptor((configuration, processorName) -> (unitOfWork, chain) -> {
            once.get().handled(processorName, unitOfWork.getMessage());
            return chain.proceed();
        });
    }
}
