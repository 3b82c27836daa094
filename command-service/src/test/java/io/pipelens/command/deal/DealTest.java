package io.pipelens.command.deal;

import static io.pipelens.command.BusinessClock.CLOCK;
import static io.pipelens.command.BusinessClock.NOW;
import static io.pipelens.command.BusinessClock.at;
import static io.pipelens.command.Rejections.violationOn;
import static io.pipelens.command.deal.DealEvents.ALICE_INBOUND;
import static io.pipelens.command.deal.DealEvents.PIPELINE;
import static io.pipelens.command.deal.DealEvents.attributesChanged;
import static io.pipelens.command.deal.DealEvents.lost;
import static io.pipelens.command.deal.DealEvents.moved;
import static io.pipelens.command.deal.DealEvents.opened;
import static io.pipelens.command.deal.DealEvents.reopened;
import static io.pipelens.command.deal.DealEvents.won;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of the Deal aggregate. Deals live in pipeline {@code p1}, which has the nine stages of the Solution Sales
 * template (contact, profiling, qualification, requirements, terms, defence, signing, implementation, service).
 */
class DealTest {

    private static final Duration SKEW_TOLERANCE = Duration.ofMinutes(5);

    private final Pipelines pipelines = Pipelines.withTemplate(PIPELINE);
    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(pipelines);
    }

    @Nested
    class Opening {

        @Test
        void canOpenDealAtStageOfItsPipeline() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)));
        }

        @Test
        void canOpenDealMidPipeline() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "qualification", ALICE_INBOUND, at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "qualification", ALICE_INBOUND, at(0)));
        }

        @Test
        void dealOpenedWithoutAttributesHasNone() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", null, at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "contact", DealAttributes.NONE, at(0)));
        }

        @Test
        void dealOpenedWithoutBusinessTimeOpensAtClockTime() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "contact", ALICE_INBOUND, NOW));
        }

        @Test
        void cannotOpenDealWithInvalidId() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("deal #1", PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is not a valid key")));
        }

        @Test
        void cannotOpenDealWithoutId() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand(null, PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is required")));
        }

        @Test
        void cannotOpenDealInUnknownPipeline() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", "p9", "contact", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId", containsString("no pipeline 'p9'")));
        }

        @Test
        void cannotOpenDealWithoutPipeline() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", null, "contact", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId", containsString("is required")));
        }

        @Test
        void cannotOpenDealAtUnknownStage() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "proposal-sent", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", allOf(containsString("'proposal-sent' is not a stage"),
                            containsString("contact, profiling, qualification"))));
        }

        @Test
        void cannotOpenDealWithoutStage() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, null, ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("is required")));
        }

        @Test
        void cannotOpenDealWithNegativeAmount() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact",
                            new DealAttributes("alice", "inbound", null, new BigDecimal("-1"), "EUR"), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("attributes.amount", containsString("must not be negative")));
        }

        @Test
        void cannotOpenDealWithAmountButNoCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact",
                            new DealAttributes("alice", "inbound", null, new BigDecimal("100"), null), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("attributes.currency",
                            containsString("is required when an amount is given")));
        }

        @Test
        void cannotOpenDealWithMalformedCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact",
                            new DealAttributes("alice", "inbound", null, new BigDecimal("100"), "eur"), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("attributes.currency", containsString("ISO-4217")));
        }

        @Test
        void cannotOpenDealWithBlankOwner() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact",
                            new DealAttributes(" ", "inbound", null, null, null), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("attributes.owner"));
        }

        @Test
        void cannotOpenDealInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND,
                            NOW.plus(SKEW_TOLERANCE).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }

        @Test
        void retriedOpenIsDuplicate() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedOpenIsDuplicateEvenAfterLaterTransitions() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)),
                            won("d1", "profiling", at(20)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedOpenWithoutAttributesIsDuplicate() {
            fixture.given(opened("d1", "contact", DealAttributes.NONE, at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", null, at(0)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedOpenIsDuplicateEvenAfterItsStageLeftThePipeline() {
            pipelines.redefine(PIPELINE, 2, "qualification", "signing");
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(0)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void cannotOpenExistingDealAtAnotherStage() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "profiling", ALICE_INBOUND, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("deal 'd1' already exists")));
        }

        @Test
        void cannotOpenExistingDealWithOtherAttributes() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact",
                            new DealAttributes("bob", "inbound", "SMB", new BigDecimal("12500.00"), "EUR"), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("already exists")));
        }

        @Test
        void cannotOpenExistingDealAtAnotherTime() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, at(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("already exists")));
        }

        @Test
        void openingAClosedDealAgainSaysItExistsAndIsClosed() {
            fixture.given(opened("d1", "contact", at(0)), new DealWonEvent("d1", PIPELINE, "contact", at(1)))
                    .when(new OpenDealCommand("d1", PIPELINE, "terms", ALICE_INBOUND, at(2)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", allOf(containsString("deal 'd1' already exists"),
                            containsString("won"), not(containsString("is already open")))));
        }

        @Test
        void openWithoutBusinessTimeIsNeverTakenForRetry() {
            fixture.given(opened("d1", "contact", NOW))
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", ALICE_INBOUND, null))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("already exists")));
        }
    }

    /** Qualification's items in the template: problem-confirmed, solution-agreed, deadline, budget, deal-plan. */
    @Nested
    class ConfirmingCriteria {

        @Test
        void forwardMoveKeepsTheConfirmedKeysAsGiven() {
            List<String> confirmed = List.of("deal-plan", "budget");
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "terms", at(10), confirmed))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "qualification", "terms", at(10),
                            confirmed));
        }

        @Test
        void emptyListRecordsThatNoneWasConfirmed() {
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "requirements", at(10), List.of()))
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "qualification", "requirements", at(10),
                            List.of()));
        }

        @Test
        void winKeepsTheConfirmedKeysOfTheStageItWasWonAt() {
            fixture.given(opened("d1", "signing", at(0)))
                    .when(new WinDealCommand("d1", at(10), List.of("documents-signed")))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealWonEvent("d1", PIPELINE, "signing", at(10), List.of("documents-signed")));
        }

        @Test
        void cannotConfirmAKeyThatIsNotAnItemOfTheStageLeft() {
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "terms", at(10), List.of("budget", "documents-signed")))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", allOf(containsString("'documents-signed'"),
                            containsString("stage 'qualification'"), containsString("deal-plan"))));
        }

        @Test
        void cannotConfirmAKeyTwice() {
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "terms", at(10), List.of("budget", "budget")))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", containsString("lists 'budget' more than once")));
        }

        @Test
        void cannotConfirmANullKey() {
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "terms", at(10), Arrays.asList("budget", null)))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", containsString("null")));
        }

        @Test
        void cannotConfirmCriteriaOnABackwardMove() {
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10), List.of()))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", containsString("forward move or a win")));
        }

        @Test
        void cannotConfirmCriteriaOnAWinAtAnItemOfAnotherStage() {
            fixture.given(opened("d1", "signing", at(0)))
                    .when(new WinDealCommand("d1", at(10), List.of("budget")))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", containsString("'budget'")));
        }

        @Test
        void cannotConfirmCriteriaWhenLeavingAStageTheCurrentVersionDropped() {
            pipelines.redefine(PIPELINE, 2, "contact", "terms");
            fixture.given(opened("d1", "qualification", at(0)))
                    .when(new MoveDealToStageCommand("d1", "terms", at(10), List.of()))
                    .expectNoEvents()
                    .expectException(violationOn("confirmedCriteria", containsString("does not define")));
        }

        @Test
        void historyChangesCarryTheirConfirmedCriteria() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDealHistoryCommand("d1", List.of(
                            new OpenDealCommand("d1", PIPELINE, "qualification", ALICE_INBOUND, at(0)),
                            new MoveDealToStageCommand("d1", "terms", at(10), List.of("budget")),
                            new WinDealCommand("d1", at(20), List.of()))))
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "qualification", ALICE_INBOUND, at(0)),
                            new DealMovedToStageEvent("d1", PIPELINE, "qualification", "terms", at(10),
                                    List.of("budget")),
                            new DealWonEvent("d1", PIPELINE, "terms", at(20), List.of()));
        }

        @Test
        void historyRefusalNamesTheChangeAndTheField() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDealHistoryCommand("d1", List.of(
                            new OpenDealCommand("d1", PIPELINE, "qualification", ALICE_INBOUND, at(0)),
                            new MoveDealToStageCommand("d1", "profiling", at(10), List.of("budget")))))
                    .expectNoEvents()
                    .expectException(violationOn("changes[1].confirmedCriteria",
                            containsString("forward move or a win")));
        }
    }

    @Nested
    class ExpectingACloseDate {

        private final DealAttributes closingInMarch = closingOn("2026-03-31");

        @Test
        void openingKeepsTheExpectedCloseDate() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDealCommand("d1", PIPELINE, "contact", closingInMarch, at(0)))
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "contact", closingInMarch, at(0)));
        }

        @Test
        void pushingTheDateLaterIsAnAttributeChange() {
            DealAttributes closingInMay = closingOn("2026-05-15");
            fixture.given(opened("d1", "contact", closingInMarch, at(0)))
                    .when(new ChangeDealAttributesCommand("d1", closingInMay, at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(attributesChanged("d1", closingInMay, at(10)));
        }

        @Test
        void sameDateAgainIsDuplicate() {
            fixture.given(opened("d1", "contact", closingInMarch, at(0)))
                    .when(new ChangeDealAttributesCommand("d1", closingOn("2026-03-31"), at(10)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void historyChangesCarryTheirDates() {
            DealAttributes pulledIn = closingOn("2026-03-01");
            fixture.givenNoPriorActivity()
                    .when(new RecordDealHistoryCommand("d1", List.of(
                            new OpenDealCommand("d1", PIPELINE, "contact", closingInMarch, at(0)),
                            new ChangeDealAttributesCommand("d1", pulledIn, at(5)))))
                    .expectEvents(new DealOpenedEvent("d1", PIPELINE, "contact", closingInMarch, at(0)),
                            attributesChanged("d1", pulledIn, at(5)));
        }

        @Test
        void cannotExpectADateOutsideFourDigitYears() {
            fixture.given(opened("d1", "contact", closingInMarch, at(0)))
                    .when(new ChangeDealAttributesCommand("d1", closingOn("+57442-01-01"), at(10)))
                    .expectNoEvents()
                    .expectException(violationOn("attributes.expectedCloseDate",
                            containsString("must be a date from 1900-01-01 to 9999-12-31")));
        }

        private static DealAttributes closingOn(String date) {
            return new DealAttributes("alice", "inbound", "SMB", new BigDecimal("12500.00"), "EUR",
                    LocalDate.parse(date));
        }
    }

    @Nested
    class Moving {

        @Test
        void canMoveOpenDealToAnotherStage() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "qualification", at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "contact", "qualification", at(10)));
        }

        @Test
        void canMoveDealBackToEarlierStage() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "qualification", at(10)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "qualification", "profiling", at(20)));
        }

        @Test
        void canMoveDealAtTheTimeOfItsLastTransition() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "contact", "profiling", at(0)));
        }

        @Test
        void dealMovedWithoutBusinessTimeMovesAtClockTime() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "contact", "profiling", NOW));
        }

        @Test
        void dealMovedWithoutBusinessTimeNeverMovesBeforeItsLastTransition() {
            fixture.given(opened("d1", "contact", NOW.plus(Duration.ofMinutes(3))))
                    .when(new MoveDealToStageCommand("d1", "profiling", null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "contact", "profiling",
                            NOW.plus(Duration.ofMinutes(3))));
        }

        @Test
        void canMoveDealWithinClockSkewTolerance() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", NOW.plus(SKEW_TOLERANCE)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "contact", "profiling",
                            NOW.plus(SKEW_TOLERANCE)));
        }

        @Test
        void cannotMoveDealToStageItIsAt() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "contact", at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("is already at stage 'contact'")));
        }

        @Test
        void cannotMoveDealToUnknownStage() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "proposal-sent", at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("'proposal-sent' is not a stage")));
        }

        @Test
        void cannotMoveDealWithoutStage() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", null, at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("is required")));
        }

        @Test
        void cannotMoveDealToStageThatCurrentVersionDropped() {
            pipelines.redefine(PIPELINE, 2, "contact", "qualification", "signing");
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", allOf(containsString("'profiling' is not a stage"),
                            containsString("(version 2)"))));
        }

        @Test
        void cannotMoveDealBeforeItsLastTransition() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)))
                    .when(new MoveDealToStageCommand("d1", "qualification", at(9)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt",
                            containsString("is earlier than the deal's last transition at " + at(10))));
        }

        @Test
        void cannotMoveDealIntoTheFuture() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new MoveDealToStageCommand("d1", "profiling", NOW.plus(SKEW_TOLERANCE).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }

        @Test
        void cannotMoveWonDeal() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (won); reopen it")));
        }

        @Test
        void cannotMoveLostDeal() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (lost); reopen it")));
        }

        @Test
        void cannotMoveDealThatWasNeverOpened() {
            fixture.givenNoPriorActivity()
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10)))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void retriedMoveIsDuplicate() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedMoveIsDuplicateEvenAfterLaterMoves() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)),
                            moved("d1", "profiling", "qualification", at(20)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedMoveIsDuplicateEvenAfterDealWasClosed() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)),
                            lost("d1", "profiling", "no budget", at(20)))
                    .when(new MoveDealToStageCommand("d1", "profiling", at(10)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void moveWithoutBusinessTimeIsNeverTakenForRetry() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", NOW))
                    .when(new MoveDealToStageCommand("d1", "profiling", null))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("is already at stage 'profiling'")));
        }

        @Test
        void canMoveReopenedDeal() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)),
                            reopened("d1", "profiling", at(20)))
                    .when(new MoveDealToStageCommand("d1", "qualification", at(30)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealMovedToStageEvent("d1", PIPELINE, "profiling", "qualification", at(30)));
        }
    }

    @Nested
    class Winning {

        @Test
        void canWinOpenDealAtItsStage() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "signing", at(10)))
                    .when(new WinDealCommand("d1", at(20)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealWonEvent("d1", PIPELINE, "signing", at(20)));
        }

        @Test
        void dealWonWithoutBusinessTimeIsWonAtClockTime() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new WinDealCommand("d1", null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealWonEvent("d1", PIPELINE, "contact", NOW));
        }

        @Test
        void canWinReopenedDealAgain() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)),
                            reopened("d1", "service", at(20)))
                    .when(new WinDealCommand("d1", at(30)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealWonEvent("d1", PIPELINE, "service", at(30)));
        }

        @Test
        void cannotWinWonDeal() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new WinDealCommand("d1", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (won); reopen it")));
        }

        @Test
        void cannotWinLostDeal() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new WinDealCommand("d1", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (lost); reopen it")));
        }

        @Test
        void cannotWinDealBeforeItsLastTransition() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "signing", at(10)))
                    .when(new WinDealCommand("d1", at(5)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("is earlier than")));
        }

        @Test
        void cannotWinDealInTheFuture() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new WinDealCommand("d1", NOW.plus(SKEW_TOLERANCE).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }

        @Test
        void retriedWinIsDuplicate() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new WinDealCommand("d1", at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }
    }

    @Nested
    class Losing {

        @Test
        void canLoseOpenDealWithReason() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "terms", at(10)))
                    .when(new LoseDealCommand("d1", "chose a competitor", at(20)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealLostEvent("d1", PIPELINE, "terms", "chose a competitor", at(20)));
        }

        @Test
        void canLoseDealWithReasonOfMaximumLength() {
            String reason = "x".repeat(Deal.MAX_REASON);
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new LoseDealCommand("d1", reason, at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealLostEvent("d1", PIPELINE, "contact", reason, at(20)));
        }

        @Test
        void dealLostWithoutBusinessTimeIsLostAtClockTime() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new LoseDealCommand("d1", "no budget", null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealLostEvent("d1", PIPELINE, "contact", "no budget", NOW));
        }

        @Test
        void cannotLoseDealWithoutReason() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new LoseDealCommand("d1", null, at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("reason", startsWith("is required")));
        }

        @Test
        void cannotLoseDealWithBlankReason() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new LoseDealCommand("d1", "   ", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("reason", startsWith("is required")));
        }

        @Test
        void cannotLoseDealWithOverlongReason() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new LoseDealCommand("d1", "x".repeat(Deal.MAX_REASON + 1), at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("reason", containsString("1 to 500 characters")));
        }

        @Test
        void cannotLoseLostDeal() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new LoseDealCommand("d1", "no budget", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (lost); reopen it")));
        }

        @Test
        void cannotLoseWonDeal() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new LoseDealCommand("d1", "cancelled", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("is closed (won); reopen it")));
        }

        @Test
        void cannotLoseDealBeforeItsLastTransition() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "terms", at(10)))
                    .when(new LoseDealCommand("d1", "no budget", at(5)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("is earlier than")));
        }

        @Test
        void retriedLoseIsDuplicate() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new LoseDealCommand("d1", "no budget", at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }
    }

    @Nested
    class Reopening {

        @Test
        void canReopenWonDealIntoStage() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new ReopenDealCommand("d1", "service", at(20)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealReopenedEvent("d1", PIPELINE, "service", at(20)));
        }

        @Test
        void canReopenLostDealIntoStage() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new ReopenDealCommand("d1", "qualification", at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealReopenedEvent("d1", PIPELINE, "qualification", at(20)));
        }

        @Test
        void canReopenDealIntoStageItWasClosedAt() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new ReopenDealCommand("d1", "contact", at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealReopenedEvent("d1", PIPELINE, "contact", at(20)));
        }

        @Test
        void dealReopenedWithoutBusinessTimeIsReopenedAtClockTime() {
            fixture.given(opened("d1", "contact", at(0)), lost("d1", "contact", "no budget", at(10)))
                    .when(new ReopenDealCommand("d1", "contact", null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealReopenedEvent("d1", PIPELINE, "contact", NOW));
        }

        @Test
        void cannotReopenOpenDeal() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ReopenDealCommand("d1", "profiling", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("dealId", containsString("only a won or lost deal can be reopened")));
        }

        @Test
        void cannotReopenDealIntoUnknownStage() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new ReopenDealCommand("d1", "upsell", at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("'upsell' is not a stage")));
        }

        @Test
        void cannotReopenDealWithoutStage() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new ReopenDealCommand("d1", null, at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stage", containsString("is required")));
        }

        @Test
        void cannotReopenDealBeforeItWasClosed() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new ReopenDealCommand("d1", "service", at(9)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("is earlier than")));
        }

        @Test
        void retriedReopenIsDuplicate() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)),
                            reopened("d1", "service", at(20)))
                    .when(new ReopenDealCommand("d1", "service", at(20)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedReopenIsDuplicateEvenAfterDealClosedAgain() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)),
                            reopened("d1", "service", at(20)), won("d1", "service", at(30)))
                    .when(new ReopenDealCommand("d1", "service", at(20)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingAttributes {

        private final DealAttributes bobReferral = new DealAttributes("bob", "referral", "enterprise",
                new BigDecimal("90000"), "USD");

        @Test
        void canChangeAttributes() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealAttributesChangedEvent("d1", PIPELINE, bobReferral, at(10)));
        }

        @Test
        void canChangeAttributesOfClosedDeal() {
            fixture.given(opened("d1", "contact", at(0)), won("d1", "contact", at(10)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealAttributesChangedEvent("d1", PIPELINE, bobReferral, at(20)));
        }

        @Test
        void missingAttributesClearEveryAttribute() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1", null, at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealAttributesChangedEvent("d1", PIPELINE, DealAttributes.NONE, at(10)));
        }

        @Test
        void attributesChangedWithoutBusinessTimeChangeAtClockTime() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealAttributesChangedEvent("d1", PIPELINE, bobReferral, NOW));
        }

        @Test
        void identicalAttributesAreDuplicate() {
            fixture.given(opened("d1", "contact", at(0)), attributesChanged("d1", bobReferral, at(10)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, at(20)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedAttributeChangeIsDuplicateEvenAfterLaterChange() {
            DealAttributes carolReferral = new DealAttributes("carol", "referral", "enterprise",
                    new BigDecimal("95000"), "USD");
            fixture.given(opened("d1", "contact", at(0)), attributesChanged("d1", bobReferral, at(10)),
                            attributesChanged("d1", carolReferral, at(20)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void canChangeAttributesBackToEarlierOnes() {
            fixture.given(opened("d1", "contact", at(0)), attributesChanged("d1", bobReferral, at(10)))
                    .when(new ChangeDealAttributesCommand("d1", ALICE_INBOUND, at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new DealAttributesChangedEvent("d1", PIPELINE, ALICE_INBOUND, at(20)));
        }

        @Test
        void attributesTheDealWasOpenedWithAreDuplicate() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1", ALICE_INBOUND, at(10)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void cannotChangeAttributesToInvalidOnes() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1",
                            new DealAttributes("bob", null, null, new BigDecimal("-5"), "USD"), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("attributes.amount", containsString("must not be negative")));
        }

        @Test
        void cannotChangeAttributesBeforeLastTransition() {
            fixture.given(opened("d1", "contact", at(0)), moved("d1", "contact", "profiling", at(10)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, at(5)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("is earlier than")));
        }

        @Test
        void cannotChangeAttributesInTheFuture() {
            fixture.given(opened("d1", "contact", at(0)))
                    .when(new ChangeDealAttributesCommand("d1", bobReferral, NOW.plus(SKEW_TOLERANCE).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }
    }
}
