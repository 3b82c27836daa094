package io.pipelens.query.processing;

import io.pipelens.platform.config.Require;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replays of the read models (docs/operations.md, "Replays").
 *
 * @param maxEventsPerSecond cap on the rate at which replays handle events, over all processors: 0 for no cap,
 *                           otherwise at least 100 (see ReplayPace); live events are never held back
 * @param switchCheck        how often a finished replay is checked for having caught up, to switch queries over to
 *                           its read model
 */
@ConfigurationProperties("pipelens.replay")
public record ReplayProperties(@DefaultValue("0") double maxEventsPerSecond,
                               @DefaultValue("250ms") Duration switchCheck) {

    public ReplayProperties {
        Require.positive(switchCheck, "pipelens.replay.switch-check");
    }
}
