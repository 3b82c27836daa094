package io.pipelens.query;

import io.pipelens.platform.config.ProcessingProperties;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.pipeline.PipelineProjection;
import io.pipelens.query.quality.DealLogImportProjection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * One tracking processor per read model, all split and claimed as {@link ProcessingProperties} says. Tracking rather
 * than pooled for freshness: with the event store woken by a commit in the same process or polled every
 * {@code pipelens.event-store.fetch-delay}, a command shows up in the read models tens of milliseconds later, where a
 * pooled processor waits about half a second when idle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessingProperties.class)
public class ProcessorSettings {

    /**
     * Events per batch, the one setting that differs per processor: the deal journeys are written in one bulk write
     * per batch, so large batches keep their catch-up and replay fast; the other read models get one write per event.
     */
    static final Map<String, Integer> BATCH_SIZES = Map.of(
            DealJourneyProjection.PROCESSOR, 500,
            PipelineProjection.PROCESSOR, 100,
            DealLogImportProjection.PROCESSOR, 100);

    @Autowired
    void trackEveryReadModel(EventProcessingConfigurer configurer, ProcessingProperties processing) {
        configurer.usingTrackingEventProcessors();
        BATCH_SIZES.forEach((processor, batchSize) -> configurer.registerTrackingEventProcessorConfiguration(
                processor, configuration -> settings(processing, batchSize)));
    }

    static TrackingEventProcessorConfiguration settings(ProcessingProperties processing, int batchSize) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(processing.threads())
                .andInitialSegmentsCount(processing.segments())
                .andTokenClaimInterval(processing.tokenClaimIntervalMillis(), TimeUnit.MILLISECONDS)
                .andBatchSize(batchSize);
    }
}
