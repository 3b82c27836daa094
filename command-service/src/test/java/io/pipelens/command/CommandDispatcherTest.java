package io.pipelens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * A command that loses a race on the event store's (aggregate, sequence) index is retried on the fresh state, and
 * after {@link ConcurrencyRetry#ATTEMPTS} lost races answers as a conflict naming the deal: never as an internal
 * error.
 */
class CommandDispatcherTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandDispatcher dispatcher = new CommandDispatcher(gateway, new CommandMetrics(registry));

    @Test
    void aLostRaceIsRetriedOnTheFreshState() {
        MoveDealToStageCommand move = new MoveDealToStageCommand("d-1", "terms", AT);
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 3 taken"))
                .thenReturn(CommandOutcome.APPLIED);

        CommandResult result = dispatcher.dispatch(move);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.APPLIED);
        verify(gateway, times(2)).sendAndWait(move);
        assertThat(registry.get(CommandMetrics.RACES).tag("command", "moveDealToStage").counter().count())
                .as("races counted").isEqualTo(1.0);
    }

    @Test
    void racesLostEveryTimeAnswerAsAConflictNamingTheDeal() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 3 taken"));

        CommandResult result = dispatcher.dispatch(new MoveDealToStageCommand("d-1", "terms", AT));

        assertThat(result.isRejected()).isTrue();
        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("dealId");
            assertThat(violation.reason()).contains("deal 'd-1' was changed concurrently");
        });
        verify(gateway, times(ConcurrencyRetry.ATTEMPTS)).sendAndWait(any());
    }

    @Test
    void twoInstancesOpeningTheSameDealAtOnceIsARaceNotAnInternalError() {
        OpenDealCommand open = new OpenDealCommand("d-1", "main", "contact", null, AT);
        when(gateway.sendAndWait(any()))
                .thenThrow(new AggregateStreamCreationException("deal d-1 was created by another instance"))
                .thenReturn(CommandOutcome.DUPLICATE);

        CommandResult result = dispatcher.dispatch(open);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.DUPLICATE);
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void creationRacesLostEveryTimeAnswerAsAConflict() {
        when(gateway.sendAndWait(any()))
                .thenThrow(new AggregateStreamCreationException("deal d-1 was created by another instance"));

        CommandResult result = dispatcher.dispatch(new OpenDealCommand("d-1", "main", "contact", null, AT));

        assertThat(result.violations()).extracting(Violation::field).containsExactly("dealId");
        assertThat(result.violations().get(0).reason()).contains("changed concurrently");
    }
}
