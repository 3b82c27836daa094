package io.pipelens.query.analytics;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.Visit;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionedJourneyTest {

    /** Version 2 keeps three goal stages: two activities are absorbed, profiling is folded into qualification. */
    private static final AnalyticVersion GOALS = Pipelines.version(2, stages("contact", "qualification", "signing"),
            StageMapping.absorbed("call"), StageMapping.to("profiling", "qualification"),
            StageMapping.absorbed("proposal"));

    private static VersionedJourney path(DealHistory history, AnalyticVersion version) {
        return VersionedJourney.of(history.journey(), version);
    }

    private static PathVisit visit(int position, double from, Double to) {
        return new PathVisit(position, day(from), to == null ? null : day(to));
    }

    @Test
    void absorbedVisitsGiveTheirTimeToThePreviousStageAndStagesMappedTogetherMerge() {
        VersionedJourney deal = path(deal("d1").openedAt("contact", 0).movedTo("call", 1).movedTo("profiling", 2)
                .movedTo("qualification", 4).movedTo("proposal", 5).movedTo("signing", 7).wonAt(9), GOALS);

        assertThat(deal.visits()).containsExactly(visit(1, 0, 2.0), visit(2, 2, 7.0), visit(3, 7, 9.0));
        assertThat(deal.outcome()).isEqualTo(Outcome.WON);
        assertThat(deal.lastStage()).isEqualTo(3);
        assertThat(deal.highest()).isEqualTo(3);
    }

    @Test
    void anAbsorbedFirstVisitGivesItsTimeToTheNextStage() {
        VersionedJourney deal = path(deal("d1").openedAt("call", 0).movedTo("qualification", 1), GOALS);

        assertThat(deal.visits()).containsExactly(visit(2, 0, null));
        assertThat(deal.visited(1)).isFalse();
    }

    @Test
    void aDealWonAtAnAbsorbedStageIsWonAtTheStageThatGotItsTime() {
        VersionedJourney deal = path(deal("d1").openedAt("qualification", 0).movedTo("proposal", 3).wonAt(4),
                GOALS);

        assertThat(deal.visits()).containsExactly(visit(2, 0, 4.0));
        assertThat(deal.lastStage()).isEqualTo(2);
    }

    @Test
    void aReopenedDealGetsANewVisitEvenIntoTheSameStage() {
        VersionedJourney deal = path(deal("d1").openedAt("contact", 0).lostAt(2).reopenedInto("contact", 5)
                .movedTo("qualification", 6), GOALS);

        assertThat(deal.visits()).containsExactly(visit(1, 0, 2.0), visit(1, 5, 6.0), visit(2, 6, null));
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.closedAt()).isEqualTo(VersionedJourney.OPEN);
    }

    @Test
    void aCloseAlwaysEndsAVisitEvenWhenTheDealIsReopenedIntoTheSameStageAtTheSameInstant() {
        VersionedJourney lost = path(deal("d1").openedAt("contact", 0).lostAt(2).reopenedInto("contact", 2)
                .movedTo("qualification", 6), GOALS);
        VersionedJourney won = path(deal("d2").openedAt("profiling", 0).wonAt(3).reopenedInto("qualification", 3),
                GOALS);

        assertThat(lost.visits()).containsExactly(visit(1, 0, 2.0), visit(1, 2, 6.0), visit(2, 6, null));
        assertThat(won.visits()).as("two keys mapped to one stage").containsExactly(visit(2, 0, 3.0),
                visit(2, 3, null));
        assertThat(List.of(lost.beganWithReopening(1), lost.beganWithReopening(2), won.beganWithReopening(1)))
                .containsExactly(true, false, true);
    }

    @Test
    void aJourneyStoredWithoutReopeningMarksTellsAReopeningOnlyByTheTimeSpentClosed() {
        DealJourney marked = deal("d1").openedAt("contact", 0).lostAt(2).reopenedInto("contact", 2)
                .movedTo("qualification", 3).wonAt(4).reopenedInto("contact", 5).journey();
        List<Visit> unmarked = marked.visits().stream()
                .map(v -> new Visit(v.stage(), v.enteredAt(), v.exitedAt())).toList();
        DealJourney stored = new DealJourney(marked.id(), marked.pipelineId(), marked.owner(), marked.source(),
                marked.segment(), marked.amount(), marked.currency(), marked.status(), marked.stage(),
                marked.openedAt(), marked.closedAt(), marked.lostReason(), unmarked, null, marked.lastTransitionAt(),
                marked.lastSequence());
        VersionedJourney deal = VersionedJourney.of(stored, GOALS);

        assertThat(deal.visits()).containsExactly(visit(1, 0, 3.0), visit(2, 3, 4.0), visit(1, 5, null));
        assertThat(List.of(deal.beganWithReopening(1), deal.beganWithReopening(2))).containsExactly(false, true);
    }

    @Test
    void aReopeningIntoAnAbsorbedStageAtTheInstantOfTheClosingStartsANewVisit() {
        VersionedJourney deal = path(deal("d1").openedAt("qualification", 0).movedTo("proposal", 1).lostAt(2)
                .reopenedInto("proposal", 2).movedTo("signing", 4), GOALS);

        assertThat(deal.visits()).containsExactly(visit(2, 0, 2.0), visit(2, 2, 4.0), visit(3, 4, null));
    }

    @Test
    void stagesMappedTogetherDoNotMergeAcrossClosedTime() {
        VersionedJourney deal = path(deal("d1").openedAt("profiling", 0).lostAt(3)
                .reopenedInto("qualification", 4), GOALS);

        assertThat(deal.visits()).containsExactly(visit(2, 0, 3.0), visit(2, 4, null));
    }

    @Test
    void movesAtTheSameInstantLeaveAZeroLengthVisitThatStillCountsAsVisited() {
        VersionedJourney deal = path(deal("d1").openedAt("contact", 0).movedTo("qualification", 1)
                .movedTo("signing", 1), GOALS);

        assertThat(deal.visits()).containsExactly(visit(1, 0, 1.0), visit(2, 1, 1.0), visit(3, 1, null));
        assertThat(deal.visited(2)).isTrue();
    }

    @Test
    void aDealThatStartsMidPipelineHasOnlyTheStagesItVisited() {
        VersionedJourney deal = path(deal("d1").openedAt("signing", 0).movedTo("contact", 1).lostAt(2), GOALS);

        assertThat(deal.visits()).containsExactly(visit(3, 0, 1.0), visit(1, 1, 2.0));
        assertThat(deal.highest()).isEqualTo(3);
        assertThat(deal.lastStage()).isEqualTo(1);
        assertThat(deal.visited(2)).isFalse();
    }

    @Test
    void aDealWhoseEveryVisitIsAbsorbedIsOpenInNoStage() {
        VersionedJourney deal = path(deal("d1").openedAt("call", 0).movedTo("proposal", 1), GOALS);

        assertThat(deal.visits()).isEmpty();
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.lastStage()).isEqualTo(AnalyticVersion.ABSORBED);
        assertThat(deal.highest()).isZero();
        assertThat(deal.visitedPositions()).isZero();
        assertThat(deal.openedAt()).isEqualTo(day(0).toEpochMilli());
        assertThat(deal.inStageFrom()).isEqualTo(VersionedJourney.NEVER);
        assertThat(deal.lastEventAt()).isEqualTo(day(1).toEpochMilli());
        assertThat(deal.hadTransitionIn(day(0.5).toEpochMilli(), day(2).toEpochMilli())).isTrue();
        assertThat(deal.asOf(day(0.5).toEpochMilli()).visits()).isEmpty();
        assertThat(deal.asOf(day(0).toEpochMilli() - 1)).isNull();
    }

    @Test
    void asOfBeforeItsFirstStageADealIsOpenInNoStageWithItsClosingsAsTheyWere() {
        VersionedJourney deal = path(deal("d1").openedAt("call", 0).lostAt(1).reopenedInto("proposal", 2)
                .movedTo("qualification", 3).wonAt(4), GOALS);

        assertThat(deal.visits()).containsExactly(visit(2, 0, 1.0), visit(2, 2, 4.0));
        VersionedJourney lost = deal.asOf(day(1.5).toEpochMilli());
        assertThat(lost.visits()).isEmpty();
        assertThat(lost.outcome()).isEqualTo(Outcome.LOST);
        assertThat(lost.closedAt()).isEqualTo(day(1).toEpochMilli());
        VersionedJourney reopened = deal.asOf(day(2.5).toEpochMilli());
        assertThat(reopened.visits()).isEmpty();
        assertThat(reopened.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(reopened.lastStage()).isEqualTo(AnalyticVersion.ABSORBED);
        assertThat(reopened.openStretches()).isEqualTo(2);
        assertThat(reopened.stretchClosedAt(0)).isEqualTo(day(1).toEpochMilli());
        assertThat(reopened.stretchWon(0)).isFalse();
        assertThat(reopened.stretchOpenedAt(1)).isEqualTo(day(2).toEpochMilli());
        assertThat(reopened.stretchClosedAt(1)).isEqualTo(VersionedJourney.OPEN);
        assertThat(reopened.lastEventAt()).isEqualTo(day(2).toEpochMilli());
        assertThat(deal.asOf(day(3).toEpochMilli()).visits()).containsExactly(visit(2, 0, 1.0), visit(2, 2, null));
        assertThat(deal.stretchWon(1)).isTrue();
    }

    @Test
    void underVersionOneKeysAreThemselvesAndKeysOfLaterVersionsAreAbsorbed() {
        AnalyticVersion first = Pipelines.versionOne("contact", "qualification");

        VersionedJourney deal = path(deal("d1").openedAt("contact", 0).movedTo("demo", 1)
                .movedTo("qualification", 2), first);

        assertThat(deal.visits()).containsExactly(visit(1, 0, 2.0), visit(2, 2, null));
    }

    @Test
    void keepsTheDealsAttributes() {
        VersionedJourney deal = path(deal("d1").ownedBy("ann").from("web", "smb").worth("1200.50", "EUR")
                .openedAt("contact", 0).wonAt(3), GOALS);

        assertThat(List.of(deal.owner(), deal.source(), deal.segment(), deal.currency()))
                .containsExactly("ann", "web", "smb", "EUR");
        assertThat(deal.amount()).isEqualTo(1200.50);
        assertThat(deal.openedAt()).isEqualTo(day(0).toEpochMilli());
        assertThat(deal.closedAt()).isEqualTo(day(3).toEpochMilli());
    }
}
