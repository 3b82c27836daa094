package io.pipelens.query;

import io.pipelens.query.admin.ProjectionReplays;
import io.pipelens.query.analytics.bottlenecks.PipelineGauges;
import io.pipelens.query.analytics.forecast.ForecastGauges;
import io.pipelens.query.processing.ReplayProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The query service's periodic work, at the intervals of {@link MetricsProperties} and {@link ReplayProperties}: the
 * gauges are recomputed every {@code pipelens.metrics.refresh} (the first time one interval after the start, once
 * the processors have had time to catch up), a finished replay is checked every {@code pipelens.replay.switch-check}.
 * Registered here rather than with {@code @Scheduled}, so the intervals come from the bound properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledWork implements SchedulingConfigurer {

    private final PipelineGauges gauges;
    private final ForecastGauges forecastGauges;
    private final ProcessingMetrics processing;
    private final ProjectionReplays replays;
    private final MetricsProperties metricsSettings;
    private final ReplayProperties replaySettings;

    ScheduledWork(PipelineGauges gauges, ForecastGauges forecastGauges, ProcessingMetrics processing,
                  ProjectionReplays replays, MetricsProperties metricsSettings, ReplayProperties replaySettings) {
        this.gauges = gauges;
        this.forecastGauges = forecastGauges;
        this.processing = processing;
        this.replays = replays;
        this.metricsSettings = metricsSettings;
        this.replaySettings = replaySettings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(gauges::refresh, metricsSettings.refresh(), metricsSettings.refresh()));
        registrar.addFixedDelayTask(
                new FixedDelayTask(forecastGauges::refresh, metricsSettings.refresh(), metricsSettings.refresh()));
        registrar.addFixedDelayTask(
                new FixedDelayTask(processing::refresh, metricsSettings.refresh(), metricsSettings.refresh()));
        registrar.addFixedDelayTask(replays::switchCaughtUpReplay, replaySettings.switchCheck());
    }
}
