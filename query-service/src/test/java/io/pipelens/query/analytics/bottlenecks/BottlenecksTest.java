package io.pipelens.query.analytics.bottlenecks;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BottlenecksTest {

    private static final double DAY = 86_400;

    /** a expects 2 days in stage; b and c set nothing. */
    private static final AnalyticVersion ABC = AnalyticVersion.of(1, List.of(stage("a", 2), stage("b"), stage("c")),
            List.of());

    /** As of day 10 with a 5-day window (5, 10]. */
    private static final AnalyticIndex INDEX = Pipelines.index(ABC,
            deal("d1").openedAt("a", 1),                                          // at a, 9 days
            deal("d2").openedAt("a", 9),                                          // at a, 1 day
            deal("d3").openedAt("a", 0).movedTo("b", 3).movedTo("c", 6).wonAt(8),  // exits a@3, b@6, c@8
            deal("d4").openedAt("a", 4).movedTo("b", 6),                           // exit a@6; at b, 4 days
            deal("d5").openedAt("b", 2).lostAt(7),                                 // exit b@7
            deal("d6").openedAt("a", 2).movedTo("b", 5.5),                         // exit a@5.5; at b, 4.5 days
            deal("d7").openedAt("b", 8),                                           // at b, 2 days
            deal("d8").openedAt("a", 12));                                         // not yet there on day 10

    private static final BottleneckReport REPORT = Bottlenecks.compute(INDEX, Population.ALL, Slice.ALL, day(10),
            Duration.ofDays(5));

    @Test
    void workInProgressAndAgesOfTheCurrentVisits() {
        StageLoad a = REPORT.stages().get(0);
        StageLoad b = REPORT.stages().get(1);

        assertThat(a.wip()).isEqualTo(2);
        assertThat(a.medianAgeSeconds()).isEqualTo(5 * DAY);
        assertThat(a.p90AgeSeconds()).as("rank ⌈1.8⌉ = 2").isEqualTo(9 * DAY);
        assertThat(b.wip()).isEqualTo(3);
        assertThat(b.medianAgeSeconds()).isEqualTo(4 * DAY);
        assertThat(b.p90AgeSeconds()).as("rank ⌈2.7⌉ = 3").isEqualTo(4.5 * DAY);
        assertThat(REPORT.stages().get(2).wip()).isZero();
        assertThat(REPORT.stages().get(2).medianAgeSeconds()).isNull();
    }

    @Test
    void stuckIsAboveTheExpectedDaysOrElseAboveTheP90OfCumulativeTimeInStage() {
        StageLoad a = REPORT.stages().get(0);
        StageLoad b = REPORT.stages().get(1);

        assertThat(a.thresholdFromExpectedDays()).isTrue();
        assertThat(a.stuckThresholdSeconds()).isEqualTo(2 * DAY);
        assertThat(a.stuck()).as("d1, 9 days").isEqualTo(1);
        // b's closed visits by day 10: d3 3 days, d5 5 days -> p90 rank 2 = 5 days; ages 2, 4, 4.5 are not above
        assertThat(b.thresholdFromExpectedDays()).isFalse();
        assertThat(b.stuckThresholdSeconds()).isEqualTo(5 * DAY);
        assertThat(b.stuck()).isZero();
    }

    @Test
    void littlesLawWaitFromExitsInTheTrailingWindow() {
        // a: exits at 5.5 (d6) and 6 (d4); d3's exit at 3 is before the window -> 2 · 5 / 2
        // b: exits at 6 (d3) and 7 (d5) -> 3 · 5 / 2; c: exit at 8 (d3) -> 0 · 5 / 1
        assertThat(REPORT.stages()).extracting(StageLoad::exits).containsExactly(2, 2, 1);
        assertThat(REPORT.stages()).extracting(StageLoad::expectedWaitDays).containsExactly(5.0, 7.5, 0.0);
        assertThat(REPORT.bottleneckPosition()).isEqualTo(2);
        assertThat(REPORT.bottleneckKey()).isEqualTo("b");
    }

    @Test
    void theWindowIsOpenAtItsStartAndClosedAtTheAsOfTime() {
        // (6, 10]: a's exits at 5.5 and at exactly 6 are both outside
        assertThat(Bottlenecks.compute(INDEX, Population.ALL, Slice.ALL, day(10), Duration.ofDays(4)).stages().get(0)
                .exits()).isZero();
        assertThat(Bottlenecks.compute(INDEX, Population.ALL, Slice.ALL, day(8), Duration.ofDays(2)).stages().get(2)
                .exits()).as("c's exit at exactly day 8").isEqualTo(1);
    }

    @Test
    void aStageWithWorkAndNoExitsIsTheBottleneck() {
        BottleneckReport report = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("a", 0).movedTo("b", 1),
                deal("d2").openedAt("a", 0).movedTo("b", 1),
                deal("d3").openedAt("c", 0)), Population.ALL, Slice.ALL, day(10), Duration.ofDays(30));

        assertThat(report.stages()).extracting(StageLoad::wip).containsExactly(0, 2, 1);
        assertThat(report.stages().get(1).expectedWaitDays()).isNull();
        assertThat(report.stages().get(2).expectedWaitDays()).isNull();
        assertThat(report.bottleneckKey()).as("b and c have no exits; b has more work in progress").isEqualTo("b");
    }

    @Test
    void equalWaitsGoToTheLargerWorkInProgressThenTheEarlierStage() {
        // as of day 5: a has 1 deal and 1 exit, b 2 deals and 2 exits: equal waits of 30 days
        BottleneckReport moreWorkInB = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("a", 0).movedTo("b", 1),
                deal("d2").openedAt("b", 0),
                deal("d3").openedAt("a", 3),
                deal("d4").openedAt("b", 3).wonAt(4),
                deal("d5").openedAt("b", 3).wonAt(4)), Population.ALL, Slice.ALL, day(5),
                Duration.ofDays(30));
        // a and b 1 deal and 1 exit each
        BottleneckReport sameWork = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("a", 0).movedTo("b", 1),
                deal("d3").openedAt("a", 3),
                deal("d4").openedAt("b", 3).wonAt(4)), Population.ALL, Slice.ALL, day(5),
                Duration.ofDays(30));

        assertThat(moreWorkInB.stages()).extracting(StageLoad::expectedWaitDays).containsExactly(30.0, 30.0, null);
        assertThat(moreWorkInB.bottleneckKey()).isEqualTo("b");
        assertThat(sameWork.stages()).extracting(StageLoad::expectedWaitDays).containsExactly(30.0, 30.0, null);
        assertThat(sameWork.bottleneckKey()).isEqualTo("a");
    }

    @Test
    void theStuckThresholdTakesOnlyVisitsThatEndedAtOrBeforeTheAsOfTime() {
        // b sets no expected days. Closed visits to b: d1 1 day (ended day 2), d2 3 days (ended day 5),
        // d3 10 days (ended day 15). d4 is at b from day 4.
        AnalyticIndex index = Pipelines.index(ABC,
                deal("d1").openedAt("b", 1).wonAt(2),
                deal("d2").openedAt("b", 2).wonAt(5),
                deal("d3").openedAt("b", 5).wonAt(15),
                deal("d4").openedAt("b", 4));

        StageLoad day5 = Bottlenecks.compute(index, Population.ALL, Slice.ALL, day(5), Duration.ofDays(30))
                .stages().get(1);
        StageLoad day4 = Bottlenecks.compute(index, Population.ALL, Slice.ALL, day(4.5), Duration.ofDays(30))
                .stages().get(1);

        assertThat(day5.stuckThresholdSeconds()).as("d1 and d2 (d2 ends exactly at t); p90 rank 2")
                .isEqualTo(3 * DAY);
        assertThat(day4.stuckThresholdSeconds()).as("d1 only: d2 ends after t").isEqualTo(1 * DAY);
        assertThat(day4.stuck()).as("d4 is 0.5 days old, d2 2.5 days, d3 not there yet").isEqualTo(1);
        assertThat(Bottlenecks.compute(index, Population.ALL, Slice.ALL, day(1.5), Duration.ofDays(30)).stages().get(1)
                .stuckThresholdSeconds()).as("no visit to b has ended by then").isNull();
    }

    @Test
    void anUnboundedWaitRanksAboveEveryFiniteOne() {
        // as of day 10: a has 5 deals and 1 exit (a wait of 150 days); c has 1 deal and no exit
        BottleneckReport report = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("a", 0),
                deal("d2").openedAt("a", 0),
                deal("d3").openedAt("a", 0),
                deal("d4").openedAt("a", 0),
                deal("d5").openedAt("a", 0),
                deal("d6").openedAt("a", 0).movedTo("b", 9).wonAt(9.5),
                deal("d7").openedAt("c", 8)), Population.ALL, Slice.ALL, day(10), Duration.ofDays(30));

        assertThat(report.stages()).extracting(StageLoad::expectedWaitDays).containsExactly(150.0, 0.0, null);
        assertThat(report.bottleneckKey()).isEqualTo("c");
        assertThat(report.bottleneckPosition()).isEqualTo(3);
    }

    @Test
    void withNoWorkInProgressAnywhereThereIsNoBottleneck() {
        BottleneckReport report = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("a", 0).movedTo("b", 1).wonAt(2),
                deal("d2").openedAt("a", 0).lostAt(3),
                deal("d3").openedAt("c", 20)), Population.ALL, Slice.ALL, day(10), Duration.ofDays(30));

        assertThat(report.stages()).extracting(StageLoad::wip).containsExactly(0, 0, 0);
        assertThat(report.stages()).extracting(StageLoad::exits).containsExactly(2, 1, 0);
        assertThat(report.bottleneckPosition()).isNull();
        assertThat(report.bottleneckKey()).isNull();
    }

    @Test
    void aLossFollowedByAReopeningIntoTheSameStageAtTheSameInstantIsAnExitAndANewVisit() {
        // d1 lost at b on day 6 and reopened into b on day 6: its visit to b since day 2 ends, a new one begins
        BottleneckReport report = Bottlenecks.compute(Pipelines.index(ABC,
                deal("d1").openedAt("b", 2).lostAt(6).reopenedInto("b", 6)), Population.ALL, Slice.ALL,
                day(10), Duration.ofDays(30));

        StageLoad b = report.stages().get(1);
        assertThat(b.wip()).isEqualTo(1);
        assertThat(b.medianAgeSeconds()).as("age of the visit since the reopening").isEqualTo(4 * DAY);
        assertThat(b.exits()).isEqualTo(1);
        assertThat(b.stuckThresholdSeconds()).isEqualTo(4 * DAY);
    }

    @Test
    void askingAboutAnEarlierTimeSeesThePipelineAsItWasThen() {
        BottleneckReport day5 = Bottlenecks.compute(INDEX, Population.ALL, Slice.ALL, day(5), Duration.ofDays(30));

        // a: d1, d4, d6; b: d3, d5; d2, d7, d8 were not open yet
        assertThat(day5.stages()).extracting(StageLoad::wip).containsExactly(3, 2, 0);
    }

    @Test
    void rejectsAWindowThatIsNotPositive() {
        assertThatThrownBy(() -> Bottlenecks.compute(INDEX, Population.ALL, Slice.ALL, day(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
