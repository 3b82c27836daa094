package io.pipelens.platform.eventstore;

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
}
