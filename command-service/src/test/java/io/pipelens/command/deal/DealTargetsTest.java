package io.pipelens.command.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** Deal commands are sent to the aggregate, and with the version, that Axon's annotation-based resolver names. */
class DealTargetsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void namesTheAggregateTheAnnotationsName() {
        List<DealCommand> every = List.of(new OpenDealCommand("d-1", "p", "contact", DealAttributes.NONE, AT),
                new MoveDealToStageCommand("d-2", "call", AT), new WinDealCommand("d-3", AT),
                new LoseDealCommand("d-4", "price", AT), new ReopenDealCommand("d-5", "call", AT),
                new ChangeDealAttributesCommand("d-6", DealAttributes.NONE, AT),
                new MoveDealToStageCommand(null, "call", AT));
        assertThat(every.stream().map(Object::getClass).distinct().toList())
                .as("one of each kind of deal command")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(DealCommand.class.getPermittedSubclasses()));
        for (DealCommand command : every) {
            assertSameTarget(command);
        }
        assertSameTarget(new RecordDealHistoryCommand("d-7", List.copyOf(every)));
        assertSameTarget(new DefinePipelineCommand("p", "P", List.of(), AT));
    }

    private static void assertSameTarget(Object command) {
        var message = GenericCommandMessage.asCommandMessage(command);
        VersionedAggregateIdentifier expected = AnnotationCommandTargetResolver.builder().build()
                .resolveTarget(message);
        VersionedAggregateIdentifier actual = new DealTargets().resolveTarget(message);
        assertThat(actual.getIdentifier()).as("%s", command).isEqualTo(expected.getIdentifier());
        assertThat(actual.getVersion()).as("%s", command).isEqualTo(expected.getVersion());
    }
}
