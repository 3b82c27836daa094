package io.pipelens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The command bus's meters on the real command service, as docs/metrics-contract.md names them: {@code commandBus_*}
 * counted and timed by command class, and no {@code commandBus.capacity} gauge. Micrometer warns of a gauge registered
 * twice once per JVM, so the log shows that warning only if no earlier test in the same JVM caused it; the gauge's
 * absence is checked either way.
 */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:command-bus-metrics;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class CommandBusMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> AXON_METERS = List.of(
            "commandBus.ingestedCounter", "commandBus.successCounter", "commandBus.failureCounter",
            "commandBus.processedCounter", "commandBus.ignoredCounter",
            "commandBus.allTimer", "commandBus.successTimer", "commandBus.failureTimer", "commandBus.ignoredTimer");

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private MeterRegistry registry;

    @Test
    void countsSucceededAndFailedCommandsByTheirClass() {
        double openedBefore = count("commandBus.successCounter", "OpenDealCommand");
        double failedBefore = count("commandBus.failureCounter", "MoveDealToStageCommand");
        double openFailedBefore = count("commandBus.failureCounter", "OpenDealCommand");

        gateway.sendAndWait(new DefinePipelineCommand("counted", "Counted", SolutionSalesTemplate.STAGES, T0));
        gateway.sendAndWait(new OpenDealCommand("counted-1", "counted", "contact", null, T0.plusSeconds(1)));
        gateway.sendAndWait(new OpenDealCommand("counted-2", "counted", "contact", null, T0.plusSeconds(2)));
        assertThatThrownBy(() -> gateway.sendAndWait(new MoveDealToStageCommand("counted-unknown", "qualification",
                T0.plusSeconds(3)))).isInstanceOf(AggregateNotFoundException.class);

        assertThat(count("commandBus.successCounter", "OpenDealCommand") - openedBefore).isEqualTo(2.0);
        assertThat(count("commandBus.successCounter", "DefinePipelineCommand")).isPositive();
        assertThat(count("commandBus.failureCounter", "MoveDealToStageCommand") - failedBefore).isEqualTo(1.0);
        assertThat(count("commandBus.failureCounter", "OpenDealCommand")).isEqualTo(openFailedBefore);
        Timer handled = registry.find("commandBus.successTimer").tag("payloadType", "OpenDealCommand").timer();
        assertThat(handled).as("commandBus.successTimer{payloadType=OpenDealCommand}").isNotNull();
        assertThat(handled.count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void registersNoCapacityGaugeAndNoMeterTwice(CapturedOutput output) {
        gateway.sendAndWait(new DefinePipelineCommand("gauged", "Gauged", SolutionSalesTemplate.STAGES, T0));
        gateway.sendAndWait(new OpenDealCommand("gauged-1", "gauged", "contact", null, T0.plusSeconds(1)));
        gateway.sendAndWait(new OpenDealCommand("gauged-2", "gauged", "contact", null, T0.plusSeconds(2)));
        assertThatThrownBy(() -> gateway.sendAndWait(new MoveDealToStageCommand("gauged-unknown", "qualification",
                T0.plusSeconds(3)))).isInstanceOf(AggregateNotFoundException.class);

        List<Meter> meters = registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("commandBus.")).toList();
        assertThat(meters.stream().map(meter -> meter.getId().getName().replace(".percentile", ""))
                .collect(Collectors.toSet())).as("command bus meters").containsExactlyInAnyOrderElementsOf(AXON_METERS);
        assertThat(meters).allSatisfy(meter -> assertThat(meter.getId().getTag("payloadType")).as("%s", meter.getId())
                .isNotNull());
        assertThat(registry.find("commandBus.capacity").meters()).isEmpty();
        assertThat(output.getAll()).doesNotContain("has been already registered");
    }

    private double count(String counter, String payloadType) {
        Counter found = registry.find(counter).tag("payloadType", payloadType).counter();
        return found == null ? 0 : found.count();
    }
}
