package io.pipelens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

class CommandMetricsTest {

    private static final Instant AT = Instant.parse("2026-02-03T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandMetrics metrics = new CommandMetrics(registry);

    @Test
    void countsAcceptedCommandsByKindAndOutcomeWithoutReason() {
        metrics.record(aMove("d-1"), CommandResult.accepted("d-1", CommandOutcome.APPLIED));
        metrics.record(aMove("d-1"), CommandResult.accepted("d-1", CommandOutcome.DUPLICATE));
        metrics.record(aMove("d-2"), CommandResult.accepted("d-2", CommandOutcome.APPLIED));

        assertThat(count("moveDealToStage", "applied", "none")).isEqualTo(2.0);
        assertThat(count("moveDealToStage", "duplicate", "none")).isEqualTo(1.0);
    }

    @Test
    void countsARejectionOnceUnderItsFirstViolationsField() {
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1", List.of(
                new Violation("stage", "'call' is not a stage of pipeline 'main'"),
                new Violation("occurredAt", "is before the deal's last change"))));

        assertThat(count("moveDealToStage", "rejected", "stage")).isEqualTo(1.0);
        assertThat(registry.find(CommandMetrics.NAME).counters()).hasSize(1);
    }

    @Test
    void dropsListIndexesSoTheReasonNamesTheFieldNotThePosition() {
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1",
                List.of(new Violation("stages[3].key", "duplicate stage key 'x'"))));
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1",
                List.of(new Violation("stages[12].key", "duplicate stage key 'y'"))));

        assertThat(count("moveDealToStage", "rejected", "stages[].key")).isEqualTo(2.0);
    }

    @Test
    void neverTurnsSomethingOtherThanAFieldPathIntoALabel() {
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1", List.of(new Violation("acme 'big' deal", "x"))));
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1", List.of(new Violation("a".repeat(65), "x"))));
        metrics.record(aMove("d-1"), CommandResult.rejected("d-1", List.of()));

        assertThat(count("moveDealToStage", "rejected", "other")).isEqualTo(3.0);
    }

    @Test
    void namesCommandsAsTheirMutations() {
        assertThat(CommandMetrics.commandName(aMove("d-1"))).isEqualTo("moveDealToStage");
        assertThat(CommandMetrics.commandName(new WinDealCommand("d-1", AT))).isEqualTo("winDeal");
    }

    @Test
    void dispatcherCountsEveryResultItProduces() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any()))
                .thenReturn(CommandOutcome.APPLIED)
                .thenThrow(new ViolationException("occurredAt", "is before the deal's last change"))
                .thenThrow(new AggregateNotFoundException("deal:d-9", "not found"));
        CommandDispatcher dispatcher = new CommandDispatcher(gateway, metrics);

        dispatcher.dispatch(aMove("d-1"));
        dispatcher.dispatch(aMove("d-1"));
        dispatcher.dispatch(aMove("d-9"));
        dispatcher.dispatch(aMove("not a valid id!"));

        assertThat(count("moveDealToStage", "applied", "none")).isEqualTo(1.0);
        assertThat(count("moveDealToStage", "rejected", "occurredAt")).isEqualTo(1.0);
        assertThat(count("moveDealToStage", "rejected", "dealId")).isEqualTo(2.0);
    }

    @Test
    void isExposedToPrometheusAsTheContractNamesIt() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new CommandMetrics(prometheus).record(aMove("d-1"), CommandResult.rejected("d-1",
                List.of(new Violation("stage", "'call' is not a stage of pipeline 'main'"))));

        assertThat(prometheus.scrape()).contains("# TYPE pipelens_commands_total counter").contains(
                "pipelens_commands_total{command=\"moveDealToStage\",outcome=\"rejected\",reason=\"stage\"} 1.0");
    }

    private static MoveDealToStageCommand aMove(String dealId) {
        return new MoveDealToStageCommand(dealId, "profiling", AT);
    }

    private double count(String command, String outcome, String reason) {
        Counter counter = registry.find(CommandMetrics.NAME)
                .tags("command", command, "outcome", outcome, "reason", reason).counter();
        assertThat(counter).as("counter %s/%s/%s", command, outcome, reason).isNotNull();
        return counter.count();
    }
}
