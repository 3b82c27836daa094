package io.pipelens.query;

import io.pipelens.platform.config.Require;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gauges computed from the read models (docs/metrics-contract.md).
 *
 * @param refresh how often the pipeline gauges and the processors' lag are recomputed; a scrape reads the last values
 */
@ConfigurationProperties("pipelens.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration refresh) {

    public MetricsProperties {
        Require.positive(refresh, "pipelens.metrics.refresh");
    }
}
