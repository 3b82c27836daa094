package io.pipelens.query.analytics.bottlenecks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.criteria.CriteriaCompliance;
import io.pipelens.query.analytics.criteria.StageCompliance;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.funnel.FunnelReport;
import io.pipelens.query.analytics.funnel.FunnelStage;
import io.pipelens.query.analytics.movement.Movement;
import io.pipelens.query.analytics.movement.MovementReport;
import io.pipelens.query.analytics.movement.StageMovement;
import io.pipelens.query.deal.DealFlowMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Pipeline health as Prometheus gauges (docs/metrics-contract.md): per pipeline and stage of its newest ready
 * version, work in progress, age of open deals, stuck deals, conversion, expected wait, the share of recorded
 * forward exits that confirmed the whole exit checklist, and the flows in and out of each stage over the trailing 30
 * days (DESIGN §10.3). Computed from the analytic
 * indexes by a scheduled job, so a scrape only reads numbers.
 */
@Component
public class PipelineGauges {

    private final AnalyticsRegistry registry;
    private final DealFlowMetrics flowMetrics;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge age;
    private final MultiGauge stuck;
    private final MultiGauge conversion;
    private final MultiGauge expectedWait;
    private final MultiGauge confirmed;
    private final MultiGauge flows;

    public PipelineGauges(AnalyticsRegistry registry, DealFlowMetrics flowMetrics, MeterRegistry meters, Clock clock) {
        this.registry = registry;
        this.flowMetrics = flowMetrics;
        this.clock = clock;
        this.open = MultiGauge.builder("pipelens.deals.open")
                .description("Open deals whose current visit is at the stage").register(meters);
        this.age = MultiGauge.builder("pipelens.open.deal.age").baseUnit("seconds")
                .description("Median (0.5) and p90 (0.9) age of the current visits at the stage").register(meters);
        this.stuck = MultiGauge.builder("pipelens.deals.stuck")
                .description("Open deals at the stage older than its stuck threshold").register(meters);
        this.conversion = MultiGauge.builder("pipelens.stage.conversion.ratio")
                .description("progressed ÷ reached over all deals").register(meters);
        this.expectedWait = MultiGauge.builder("pipelens.stage.expected.wait.days")
                .description("Little's law: WIP ÷ (exits in the trailing 30 days ÷ 30)").register(meters);
        this.confirmed = MultiGauge.builder("pipelens.stage.exits.confirmed.ratio")
                .description("Forward exits that confirmed every exit criterion ÷ forward exits that recorded them")
                .register(meters);
        this.flows = MultiGauge.builder("pipelens.stage.flow")
                .description("Visits entering (direction in) or leaving (out) the stage in the trailing 30 days, by "
                        + "kind of flow").register(meters);
    }

    public void refresh() {
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> stuckRows = new ArrayList<>();
        List<MultiGauge.Row<?>> conversionRows = new ArrayList<>();
        List<MultiGauge.Row<?>> waitRows = new ArrayList<>();
        List<MultiGauge.Row<?>> confirmedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> flowRows = new ArrayList<>();
        Instant now = clock.instant();
        for (AnalyticIndex index : registry.newestReadyIndexes()) {
            BottleneckReport load = Bottlenecks.compute(index, Population.ALL, Slice.ALL, now,
                    Bottlenecks.DEFAULT_WINDOW);
            FunnelReport funnel = Funnel.compute(index, Population.ALL, Slice.ALL);
            flowMetrics.registerStages(index.pipelineId(), index.version().stages().stream().map(s -> s.key()).toList());
            for (StageLoad stage : load.stages()) {
                Tags tags = Tags.of("pipeline", index.pipelineId(), "stage", stage.key());
                openRows.add(MultiGauge.Row.of(tags, stage.wip()));
                ageRows.add(MultiGauge.Row.of(tags.and("quantile", "0.5"), orNaN(stage.medianAgeSeconds())));
                ageRows.add(MultiGauge.Row.of(tags.and("quantile", "0.9"), orNaN(stage.p90AgeSeconds())));
                stuckRows.add(MultiGauge.Row.of(tags, stage.stuck()));
                waitRows.add(MultiGauge.Row.of(tags, expectedWait(stage)));
            }
            for (FunnelStage stage : funnel.stages()) {
                conversionRows.add(MultiGauge.Row.of(Tags.of("pipeline", index.pipelineId(), "stage", stage.key()),
                        orNaN(stage.stageConversion())));
            }
            for (StageCompliance stage : CriteriaCompliance.compute(index, Population.ALL, Slice.ALL).stages()) {
                confirmedRows.add(MultiGauge.Row.of(Tags.of("pipeline", index.pipelineId(), "stage", stage.key()),
                        orNaN(stage.fullyConfirmedShare())));
            }
            MovementReport movement = Movement.compute(index, Population.ALL, Slice.ALL,
                    now.minus(Bottlenecks.DEFAULT_WINDOW), now);
            for (StageMovement stage : movement.stages()) {
                flowRows.addAll(flowRows(Tags.of("pipeline", index.pipelineId(), "stage", stage.key()), stage));
            }
        }
        open.register(openRows, true);
        age.register(ageRows, true);
        stuck.register(stuckRows, true);
        conversion.register(conversionRows, true);
        expectedWait.register(waitRows, true);
        confirmed.register(confirmedRows, true);
        flows.register(flowRows, true);
    }

    private static List<MultiGauge.Row<?>> flowRows(Tags tags, StageMovement stage) {
        Tags in = tags.and("direction", "in");
        Tags out = tags.and("direction", "out");
        return List.of(MultiGauge.Row.of(in.and("kind", "opened"), stage.openedInto()),
                MultiGauge.Row.of(in.and("kind", "forward"), stage.forwardIn()),
                MultiGauge.Row.of(in.and("kind", "backward"), stage.backwardIn()),
                MultiGauge.Row.of(in.and("kind", "reopened"), stage.reopenedInto()),
                MultiGauge.Row.of(out.and("kind", "forward"), stage.forwardOut()),
                MultiGauge.Row.of(out.and("kind", "backward"), stage.backwardOut()),
                MultiGauge.Row.of(out.and("kind", "won"), stage.wonFrom()),
                MultiGauge.Row.of(out.and("kind", "lost"), stage.lostAt()));
    }

    private static double expectedWait(StageLoad stage) {
        if (stage.wip() == 0) {
            return 0;
        }
        return stage.expectedWaitDays() == null ? Double.POSITIVE_INFINITY : stage.expectedWaitDays();
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
