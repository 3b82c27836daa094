package io.pipelens.command.deal;

import static io.pipelens.command.BusinessClock.CLOCK;
import static io.pipelens.command.BusinessClock.at;
import static io.pipelens.command.Rejections.violationOn;
import static io.pipelens.command.deal.DealEvents.ALICE_INBOUND;
import static io.pipelens.command.deal.DealEvents.PIPELINE;
import static io.pipelens.command.deal.DealEvents.lost;
import static io.pipelens.command.deal.DealEvents.moved;
import static io.pipelens.command.deal.DealEvents.opened;
import static org.hamcrest.Matchers.containsString;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording a deal's history in one unit of work: the same rules as single commands, all or nothing. */
class DealHistoryTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(Pipelines.withTemplate(PIPELINE));
    }

    private static RecordDealHistoryCommand history(DealCommand... changes) {
        return new RecordDealHistoryCommand("d1", List.of(changes));
    }

    @Test
    void canRecordAWholeHistoryInOneGo() {
        fixture.givenNoPriorActivity()
                .when(history(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)),
                        new MoveDealToStageCommand("d1", "qualification", at(10)),
                        new LoseDealCommand("d1", "no budget", at(20))))
                .expectResultMessagePayload(new HistoryOutcome(3, 0))
                .expectEvents(opened("d1", "contact", at(0)), moved("d1", "contact", "qualification", at(10)),
                        lost("d1", "qualification", "no budget", at(20)));
    }

    @Test
    void reRecordingAHistoryAppendsOnlyWhatIsNew() {
        fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "qualification", at(10)))
                .when(history(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)),
                        new MoveDealToStageCommand("d1", "qualification", at(10)),
                        new LoseDealCommand("d1", "no budget", at(20))))
                .expectResultMessagePayload(new HistoryOutcome(1, 2))
                .expectEvents(lost("d1", "qualification", "no budget", at(20)));
    }

    @Test
    void cannotRecordAHistoryWithABadChangeAndAppendsNothing() {
        fixture.givenNoPriorActivity()
                .when(history(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)),
                        new MoveDealToStageCommand("d1", "call", at(10))))
                .expectNoEvents()
                .expectException(violationOn("changes[1].stage", containsString("'call' is not a stage")));
    }

    @Test
    void cannotRecordChangesOutOfTimeOrder() {
        fixture.givenNoPriorActivity()
                .when(history(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(10)),
                        new WinDealCommand("d1", at(5))))
                .expectNoEvents()
                .expectException(violationOn("changes[1].occurredAt"));
    }

    @Test
    void cannotStartTheHistoryOfANewDealWithoutOpeningIt() {
        fixture.givenNoPriorActivity()
                .when(history(new MoveDealToStageCommand("d1", "qualification", at(10))))
                .expectNoEvents()
                .expectException(violationOn("changes[0].type", containsString("must start with openDeal")));
    }

    @Test
    void cannotMixAnotherDealIntoTheHistory() {
        fixture.givenNoPriorActivity()
                .when(history(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)),
                        new MoveDealToStageCommand("d2", "qualification", at(10))))
                .expectNoEvents()
                .expectException(violationOn("changes[1].dealId"));
    }

    @Test
    void cannotRecordAnEmptyHistory() {
        fixture.givenNoPriorActivity()
                .when(history())
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }
}
