package io.pipelens.demo;

import io.pipelens.platform.config.Require;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data loaded into the command service at start-up: the pipeline {@code demo} and generated deal histories.
 *
 * @param deals how many deal histories to generate (0: load no demo data)
 * @param seed  the generator's seed: the same seed gives the same deals
 * @param asOf  the instant the histories end at, such as 2026-01-01T00:00:00Z (default: the start of today, UTC)
 */
@ConfigurationProperties("pipelens.demo")
public record DemoProperties(@DefaultValue("0") int deals, @DefaultValue("42") long seed, Instant asOf) {

    public DemoProperties {
        Require.atLeast(0, deals, "pipelens.demo.deals");
    }
}
