package io.pipelens.query.analytics.forecast;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticsRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest forecast as Prometheus gauges (docs/metrics-contract.md): per pipeline, under its newest ready version,
 * the expected wins in each of the next {@value #WEEKS} weeks, so a dashboard can set what was expected beside the
 * wins that came. Computed from the analytic indexes by a scheduled job, so a scrape only reads numbers.
 */
@Component
public class ForecastGauges {

    static final int WEEKS = 4;
    private static final Logger log = LoggerFactory.getLogger(ForecastGauges.class);

    private final AnalyticsRegistry registry;
    private final Clock clock;
    private final MultiGauge expectedWins;

    public ForecastGauges(AnalyticsRegistry registry, MeterRegistry meters, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.expectedWins = MultiGauge.builder("pipelens.forecast.expected.wins")
                .description("Expected wins in week 1 to 4 from now (week k: the 7 days after 7(k − 1) days), from the "
                        + "forecast of the open deals").register(meters);
    }

    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (AnalyticIndex index : registry.newestReadyIndexes()) {
            ForecastReport report;
            try {
                report = Forecast.compute(index.version(), index.deals(), clock.instant(), WEEKS);
            } catch (RuntimeException e) {
                // One pipeline whose chain cannot be solved must not leave every other pipeline's gauges stale.
                log.warn("No forecast gauges for pipeline '{}' version {}: {}", index.pipelineId(),
                        index.version().number(), e.toString());
                continue;
            }
            for (int k = 0; k < WEEKS; k++) {
                rows.add(MultiGauge.Row.of(Tags.of("pipeline", index.pipelineId(), "week", String.valueOf(k + 1)),
                        report.expectedWinsByWeek().get(k)));
            }
        }
        expectedWins.register(rows, true);
    }
}
