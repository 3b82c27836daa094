package io.pipelens.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query service's event processors share their event streams between instances (docs/operations.md,
 * "Scaling out"). The same settings apply to every processor.
 *
 * @param segments                 segments a processor's stream is split into when its tokens are first created
 * @param threads                  segments one instance may hold, one thread each (default: {@code segments})
 * @param tokenClaimIntervalMillis how often, in milliseconds, an instance tries to claim segments nobody holds
 * @param claimTimeout             a claim not renewed for this long (its instance died) may be taken by another
 *                                 instance: shorter means a shorter gap after a crash, at the cost of claims taken
 *                                 from an instance that is only slow
 */
@ConfigurationProperties("pipelens.processing")
public record ProcessingProperties(@DefaultValue("1") int segments, Integer threads,
                                   @DefaultValue("5000") long tokenClaimIntervalMillis,
                                   @DefaultValue("10s") Duration claimTimeout) {

    public ProcessingProperties {
        Require.atLeast(1, segments, "pipelens.processing.segments");
        threads = threads == null ? segments : threads;
        Require.atLeast(1, threads, "pipelens.processing.threads");
        Require.atLeast(1, tokenClaimIntervalMillis, "pipelens.processing.token-claim-interval-millis");
        Require.positive(claimTimeout, "pipelens.processing.claim-timeout");
    }
}
