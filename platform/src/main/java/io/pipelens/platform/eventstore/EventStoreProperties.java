package io.pipelens.platform.eventstore;

import io.pipelens.platform.config.Require;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the event store.
 *
 * @param batchSize   events read per query when tracking or replaying
 * @param gapTimeout  how long a gap in the global sequence is waited for before it is taken as a rolled-back insert
 * @param fetchDelay  how often a service polls for events appended by another process; it bounds the latency from a
 *                    command in the command service to its effect in the query service
 */
@ConfigurationProperties("pipelens.event-store")
public record EventStoreProperties(@DefaultValue("500") int batchSize,
                                   @DefaultValue("60s") Duration gapTimeout,
                                   @DefaultValue("20ms") Duration fetchDelay) {

    public EventStoreProperties {
        Require.atLeast(1, batchSize, "pipelens.event-store.batch-size");
        Require.positive(gapTimeout, "pipelens.event-store.gap-timeout");
        Require.positive(fetchDelay, "pipelens.event-store.fetch-delay");
    }
}
