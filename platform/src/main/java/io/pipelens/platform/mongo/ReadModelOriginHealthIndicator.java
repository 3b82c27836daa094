package io.pipelens.platform.mongo;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * DOWN when the read models no longer belong to the event store in use ({@link ReadModelOrigin}): the start-up check
 * refuses that, but the store can still be swapped or restored under a running service.
 */
public class ReadModelOriginHealthIndicator extends AbstractHealthIndicator {

    private final ReadModelOrigin origin;

    public ReadModelOriginHealthIndicator(ReadModelOrigin origin) {
        super("Read-model origin check failed");
        this.origin = origin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        origin.problem().ifPresentOrElse(problem -> builder.down().withDetail("problem", problem), builder::up);
    }
}
