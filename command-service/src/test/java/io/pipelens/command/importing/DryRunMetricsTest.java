package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A dry run on the command bus's meters (docs/metrics-contract.md): one the deal accepts was handled and only thrown
 * away, so it counts as ignored, never as a failure; one the deal refuses counts as a failure, like any refused
 * command. The importer dry-runs every deal the store already holds, so a re-import would otherwise show as a run of
 * failures.
 */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:dry-run-metrics;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false"})
class DryRunMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String PAYLOAD_TYPE = "RecordDealHistoryCommand";

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private MeterRegistry registry;

    @Test
    void countsACompletedDryRunAsIgnoredNotAsAFailure() {
        gateway.sendAndWait(new DefinePipelineCommand("dry-accepted", "Accepted", SolutionSalesTemplate.STAGES, T0));
        gateway.sendAndWait(new RecordDealHistoryCommand("dry-accepted", List.of(
                new OpenDealCommand("dry-accepted", "dry-accepted", "contact", null, T0.plusSeconds(1)))));
        double succeeded = count("commandBus.successCounter");
        double failed = count("commandBus.failureCounter");
        double processed = count("commandBus.processedCounter");
        double ignored = count("commandBus.ignoredCounter");
        long ignoredTimed = timed("commandBus.ignoredTimer");

        assertThatThrownBy(() -> gateway.sendAndWait(DryRun.of(new RecordDealHistoryCommand("dry-accepted", List.of(
                new MoveDealToStageCommand("dry-accepted", "qualification", T0.plusSeconds(2)))))))
                .isInstanceOf(DryRun.Completed.class);

        assertThat(count("commandBus.failureCounter") - failed).as("failed").isZero();
        assertThat(count("commandBus.successCounter") - succeeded).as("succeeded").isZero();
        assertThat(count("commandBus.processedCounter") - processed).as("processed: succeeded or failed").isZero();
        assertThat(count("commandBus.ignoredCounter") - ignored).as("ignored").isEqualTo(1.0);
        assertThat(timed("commandBus.ignoredTimer") - ignoredTimed).as("timed as ignored").isEqualTo(1);
    }

    @Test
    void countsADryRunTheDealRefusesAsAFailure() {
        gateway.sendAndWait(new DefinePipelineCommand("dry-refused", "Refused", SolutionSalesTemplate.STAGES, T0));
        gateway.sendAndWait(new RecordDealHistoryCommand("dry-refused", List.of(
                new OpenDealCommand("dry-refused", "dry-refused", "contact", null, T0.plusSeconds(1)),
                new LoseDealCommand("dry-refused", "no budget", T0.plusSeconds(2)))));
        double failed = count("commandBus.failureCounter");
        double ignored = count("commandBus.ignoredCounter");

        assertThatThrownBy(() -> gateway.sendAndWait(DryRun.of(new RecordDealHistoryCommand("dry-refused", List.of(
                new MoveDealToStageCommand("dry-refused", "qualification", T0.plusSeconds(3)))))))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("is closed (lost)");

        assertThat(count("commandBus.failureCounter") - failed).as("failed").isEqualTo(1.0);
        assertThat(count("commandBus.ignoredCounter") - ignored).as("ignored").isZero();
    }

    private double count(String counter) {
        Counter found = registry.find(counter).tag("payloadType", PAYLOAD_TYPE).counter();
        return found == null ? 0 : found.count();
    }

    private long timed(String timer) {
        Timer found = registry.find(timer).tag("payloadType", PAYLOAD_TYPE).timer();
        return found == null ? 0 : found.count();
    }
}
