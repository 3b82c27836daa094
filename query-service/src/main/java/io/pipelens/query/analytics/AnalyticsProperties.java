package io.pipelens.query.analytics;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analytics engine's in-memory indexes (docs/analytics-design.md).
 *
 * @param keptVersions how many versions of each pipeline keep an index in memory, the newest ones
 */
@ConfigurationProperties("pipelens.analytics")
public record AnalyticsProperties(@DefaultValue("3") int keptVersions) {

    public AnalyticsProperties {
        Require.atLeast(1, keptVersions, "pipelens.analytics.kept-versions");
    }
}
