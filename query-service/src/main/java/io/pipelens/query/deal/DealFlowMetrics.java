package io.pipelens.query.deal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Counters and the time-in-stage histogram of docs/metrics-contract.md, fed by the deal-journey projection with each
 * event it applies live (never during a replay, never twice for a redelivered event). Stage labels are the keys the
 * events recorded.
 */
@Component
public class DealFlowMetrics {

    static final Duration[] TIME_IN_STAGE_BUCKETS = {Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
        Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
        Duration.ofDays(10), Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(30), Duration.ofDays(45),
        Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(365)};

    private final MeterRegistry meters;

    public DealFlowMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Registers the won and lost counters and the time-in-stage histogram of every stage at 0, so that dashboards
     * and {@code increase()} see a series before the first live event.
     */
    public void registerStages(String pipelineId, Iterable<String> stages) {
        for (String stage : stages) {
            won(pipelineId, stage);
            lost(pipelineId, stage);
            timeInStage(pipelineId, stage);
        }
    }

    private Counter won(String pipelineId, String stage) {
        return Counter.builder("pipelens.deals.won").description("Deals won, by the stage they were won from")
                .tags("pipeline", pipelineId, "stage", stage).register(meters);
    }

    private Counter lost(String pipelineId, String stage) {
        return Counter.builder("pipelens.deals.lost").description("Deals lost, by the stage they were lost at")
                .tags("pipeline", pipelineId, "stage", stage).register(meters);
    }

    private Timer timeInStage(String pipelineId, String stage) {
        return Timer.builder("pipelens.time.in.stage").description("Duration of each visit that closed, in business time")
                .serviceLevelObjectives(TIME_IN_STAGE_BUCKETS)
                .tags("pipeline", pipelineId, "stage", stage)
                .register(meters);
    }

    /** Counts what {@code event} did to a deal whose journey was {@code before} it. */
    public void applied(DealJourney before, DealEvent event) {
        if (event instanceof DealMovedToStageEvent moved) {
            Counter.builder("pipelens.stage.transitions").description("Moves of open deals between stages")
                    .tags("pipeline", moved.pipelineId(), "from", moved.fromStage(), "to", moved.toStage())
                    .register(meters).increment();
            visitClosed(before, event);
        } else if (event instanceof DealWonEvent won) {
            won(won.pipelineId(), won.stage()).increment();
            visitClosed(before, event);
        } else if (event instanceof DealLostEvent lost) {
            lost(lost.pipelineId(), lost.stage()).increment();
            visitClosed(before, event);
        }
    }

    private void visitClosed(DealJourney before, DealEvent event) {
        if (before == null || before.visits().isEmpty()) {
            return;
        }
        Visit current = before.visits().get(before.visits().size() - 1);
        if (!current.isOpen()) {
            return;
        }
        timeInStage(event.pipelineId(), current.stage()).record(Duration.between(current.enteredAt(), event.occurredAt()));
    }
}
