package io.pipelens.query.deal;

import static io.pipelens.query.deal.DealEvents.ANNA_INBOUND_SMB;
import static io.pipelens.query.deal.DealEvents.BORIS_PARTNER_ENTERPRISE;
import static io.pipelens.query.deal.DealEvents.PIPELINE;
import static io.pipelens.query.deal.DealEvents.attributesChanged;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.lost;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static io.pipelens.query.deal.DealEvents.reopened;
import static io.pipelens.query.deal.DealEvents.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyFoldTest {

    private static final String DEAL = "deal-1";

    @Test
    void openingStartsAnOpenVisitAtTheStageWithTheAttributes() {
        DealJourney journey = fold(opened(DEAL, "contact", ANNA_INBOUND_SMB, day(0)));

        assertThat(journey).isEqualTo(new DealJourney(DEAL, PIPELINE, "anna", "inbound", "smb",
                new BigDecimal("12500.00"), "EUR", DealStatusView.OPEN, "contact", day(0), null, null,
                List.of(new Visit("contact", day(0), null)), null, day(0), 0));
    }

    @Test
    void openingWithoutAttributesLeavesThemEmpty() {
        DealJourney journey = fold(opened(DEAL, "contact", null, day(0)));

        assertThat(journey.owner()).isNull();
        assertThat(journey.amount()).isNull();
        assertThat(journey.currency()).isNull();
        assertThat(journey.visits()).containsExactly(new Visit("contact", day(0), null));
    }

    @Test
    void movingClosesTheCurrentVisitAndOpensOneAtTheNewStage() {
        DealJourney journey = fold(
                opened(DEAL, "contact", day(0)),
                moved(DEAL, "contact", "profiling", day(2)));

        assertThat(journey.status()).isEqualTo(DealStatusView.OPEN);
        assertThat(journey.stage()).isEqualTo("profiling");
        assertThat(journey.visits()).containsExactly(
                new Visit("contact", day(0), day(2)),
                new Visit("profiling", day(2), null));
        assertThat(journey.lastTransitionAt()).isEqualTo(day(2));
        assertThat(journey.lastSequence()).isEqualTo(1);
        assertThat(journey.closedAt()).isNull();
    }

    @Test
    void eachVisitKeepsTheCriteriaConfirmedByTheExitThatEndedIt() {
        DealJourney journey = fold(
                opened(DEAL, "contact", day(0)),
                moved(DEAL, "contact", "qualification", day(1)),
                new DealMovedToStageEvent(DEAL, PIPELINE, "qualification", "terms", day(2), List.of("budget")),
                new DealMovedToStageEvent(DEAL, PIPELINE, "terms", "signing", day(3), List.of()),
                new DealWonEvent(DEAL, PIPELINE, "signing", day(4), List.of("documents-signed")));

        assertThat(journey.visits()).extracting(Visit::confirmedCriteria).containsExactly(
                null, List.of("budget"), List.of(), List.of("documents-signed"));
    }

    @Test
    void aLossRecordsNoConfirmedCriteria() {
        DealJourney journey = fold(opened(DEAL, "qualification", day(0)), lost(DEAL, "qualification", "price", day(1)));

        assertThat(journey.visits().get(0).confirmedCriteria()).isNull();
    }

    @Test
    void winningClosesTheVisitAndKeepsTheStageItWasWonFrom() {
        DealJourney journey = fold(DealEvents.aDealWonFromQualification(DEAL).toArray(DealEvent[]::new));

        assertThat(journey.status()).isEqualTo(DealStatusView.WON);
        assertThat(journey.stage()).isEqualTo("qualification");
        assertThat(journey.closedAt()).isEqualTo(day(10));
        assertThat(journey.lostReason()).isNull();
        assertThat(journey.visits()).containsExactly(
                new Visit("contact", day(0), day(1)),
                new Visit("profiling", day(1), day(3)),
                new Visit("qualification", day(3), day(10), null, DealStatusView.WON));
        assertThat(journey.visits()).extracting(Visit::durationSeconds)
                .containsExactly(86_400L, 2 * 86_400L, 7 * 86_400L);
        assertThat(journey.lastSequence()).isEqualTo(3);
    }

    @Test
    void losingClosesTheVisitAndRecordsTheReason() {
        DealJourney journey = fold(
                opened(DEAL, "qualification", day(0)),
                lost(DEAL, "qualification", "no budget", day(4)));

        assertThat(journey.status()).isEqualTo(DealStatusView.LOST);
        assertThat(journey.stage()).isEqualTo("qualification");
        assertThat(journey.closedAt()).isEqualTo(day(4));
        assertThat(journey.lostReason()).isEqualTo("no budget");
        assertThat(journey.visits()).containsExactly(
                new Visit("qualification", day(0), day(4), null, DealStatusView.LOST));
        assertThat(journey.visits()).noneMatch(Visit::isOpen);
    }

    @Test
    void reopeningStartsANewVisitSoClosedTimeNeverCountsAsTimeInStage() {
        DealJourney journey = fold(
                opened(DEAL, "qualification", day(0)),
                lost(DEAL, "qualification", "no budget", day(4)),
                reopened(DEAL, "qualification", day(20)));

        assertThat(journey.status()).isEqualTo(DealStatusView.OPEN);
        assertThat(journey.stage()).isEqualTo("qualification");
        assertThat(journey.closedAt()).isNull();
        assertThat(journey.lostReason()).isNull();
        assertThat(journey.openedAt()).isEqualTo(day(0));
        assertThat(journey.visits()).containsExactly(
                new Visit("qualification", day(0), day(4), null, DealStatusView.LOST),
                new Visit("qualification", day(20), null, true));
    }

    @Test
    void reopeningIntoAnotherStageAndMovingOnClosesOnlyTheNewVisit() {
        DealJourney journey = fold(
                opened(DEAL, "terms", day(0)),
                won(DEAL, "terms", day(5)),
                reopened(DEAL, "defence", day(9)),
                moved(DEAL, "defence", "signing", day(12)));

        assertThat(journey.stage()).isEqualTo("signing");
        assertThat(journey.visits()).containsExactly(
                new Visit("terms", day(0), day(5), null, DealStatusView.WON),
                new Visit("defence", day(9), day(12), true),
                new Visit("signing", day(12), null));
    }

    @Test
    void changingAttributesReplacesThemAndLeavesTheJourneyAsItWas() {
        DealJourney before = fold(
                opened(DEAL, "contact", ANNA_INBOUND_SMB, day(0)),
                moved(DEAL, "contact", "profiling", day(1)));

        DealJourney after = JourneyFold.apply(before, attributesChanged(DEAL, BORIS_PARTNER_ENTERPRISE, day(2)), 2);

        assertThat(after).isEqualTo(new DealJourney(DEAL, PIPELINE, "boris", "partner", "enterprise",
                new BigDecimal("90000.50"), "USD", null, DealStatusView.OPEN, "profiling", day(0), null, null,
                before.visits(), List.of(day(2)), List.of(new AttributesAt(day(0), ANNA_INBOUND_SMB),
                new AttributesAt(day(2), BORIS_PARTNER_ENTERPRISE)), day(2), 2));
    }

    @Test
    void everyAttributeChangeAddsTheNewRecordToTheHistoryAfterTheOpeningOne() {
        DealJourney journey = fold(
                opened(DEAL, "contact", ANNA_INBOUND_SMB, day(0)),
                attributesChanged(DEAL, BORIS_PARTNER_ENTERPRISE, day(1)),
                moved(DEAL, "contact", "profiling", day(2)),
                attributesChanged(DEAL, DealAttributes.NONE, day(3)));

        assertThat(journey.attributeHistory()).containsExactly(new AttributesAt(day(0), ANNA_INBOUND_SMB),
                new AttributesAt(day(1), BORIS_PARTNER_ENTERPRISE), new AttributesAt(day(3), DealAttributes.NONE));
        assertThat(journey.attributes()).isEqualTo(DealAttributes.NONE);
    }

    @Test
    void changingAttributesToNoneClearsThem() {
        DealJourney journey = fold(
                opened(DEAL, "contact", ANNA_INBOUND_SMB, day(0)),
                attributesChanged(DEAL, DealAttributes.NONE, day(1)));

        assertThat(journey.owner()).isNull();
        assertThat(journey.source()).isNull();
        assertThat(journey.segment()).isNull();
        assertThat(journey.amount()).isNull();
        assertThat(journey.currency()).isNull();
    }

    @Test
    void theJourneyKeepsTheLastExpectedCloseDateAndMovesKeepIt() {
        DealJourney opened = fold(opened(DEAL, "contact", closingOn("2026-03-31"), day(0)));
        DealJourney slipped = fold(
                opened(DEAL, "contact", closingOn("2026-03-31"), day(0)),
                attributesChanged(DEAL, closingOn("2026-05-15"), day(1)),
                moved(DEAL, "contact", "profiling", day(2)));
        DealJourney cleared = JourneyFold.apply(slipped, attributesChanged(DEAL, DealAttributes.NONE, day(3)), 3);

        assertThat(opened.expectedCloseDate()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(slipped.expectedCloseDate()).isEqualTo(LocalDate.parse("2026-05-15"));
        assertThat(cleared.expectedCloseDate()).isNull();
    }

    private static DealAttributes closingOn(String date) {
        return new DealAttributes("anna", null, null, null, null, LocalDate.parse(date));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        DealJourney journey = fold(
                opened(DEAL, "contact", day(0)),
                moved(DEAL, "contact", "profiling", day(1)),
                won(DEAL, "profiling", day(3)));

        assertThat(JourneyFold.apply(journey, moved(DEAL, "contact", "profiling", day(1)), 1)).isSameAs(journey);
        assertThat(JourneyFold.apply(journey, won(DEAL, "profiling", day(3)), 2)).isSameAs(journey);
        assertThat(JourneyFold.apply(journey, opened(DEAL, "contact", day(0)), 0)).isSameAs(journey);
    }

    @Test
    void anEventBeforeTheOpeningIsRefusedWithTheDealAndEventNamed() {
        assertThatThrownBy(() -> JourneyFold.apply(null, moved(DEAL, "contact", "profiling", day(1)), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DEAL)
                .hasMessageContaining("DealMovedToStageEvent")
                .hasMessageContaining("opening event was never applied");
    }

    private static DealJourney fold(DealEvent... events) {
        return DealEvents.journeyOf(List.of(events));
    }
}
