package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * A dry run on the command bus's meters (docs/metrics-contract.md): one the deal refuses counts as a failure, like any
 * refused command.
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
}
