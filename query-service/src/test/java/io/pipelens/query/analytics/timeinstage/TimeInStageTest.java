package io.pipelens.query.analytics.timeinstage;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.DurationSummary;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import org.junit.jupiter.api.Test;

class TimeInStageTest {

    private static final double DAY = 86_400;

    /**
     * Visits to a, in days: d1 [0,2] and [3,7]; d2 [0,1]; d3 [0,4]; d4 [10,10.5] and [12, open).
     * Visits to b: d1 [2,3] and [7,8]; d2 [1, open); d4 [10.5,12].
     */
    private static final AnalyticIndex INDEX = Pipelines.index(Pipelines.versionOne("a", "b"),
            deal("d1").openedAt("a", 0).movedTo("b", 2).movedTo("a", 3).movedTo("b", 7).wonAt(8),
            deal("d2").openedAt("a", 0).movedTo("b", 1),
            deal("d3").openedAt("a", 0).lostAt(4),
            deal("d4").openedAt("a", 10).movedTo("b", 10.5).movedTo("a", 12));

    private static StageTimes stage(TimeMode mode, int position) {
        return TimeInStage.compute(INDEX, Population.ALL, Slice.ALL, mode, day(20)).stages().get(position - 1);
    }

    @Test
    void cumulativeSumsTheClosedVisitsOfEachDeal() {
        // a: 6, 1, 4, 0.5 days -> sorted 0.5, 1, 4, 6
        DurationSummary a = stage(TimeMode.CUMULATIVE, 1).durations();

        assertThat(a.count()).isEqualTo(4);
        assertThat(a.meanSeconds()).isEqualTo(11.5 / 4 * DAY);
        assertThat(a.medianSeconds()).isEqualTo(2.5 * DAY);
        assertThat(a.p75Seconds()).as("rank ⌈0.75·4⌉ = 3").isEqualTo(4 * DAY);
        assertThat(a.p90Seconds()).as("rank ⌈0.9·4⌉ = 4").isEqualTo(6 * DAY);
        assertThat(a.maxSeconds()).isEqualTo(6 * DAY);
    }

    @Test
    void firstTakesTheFirstVisitOnlyWhenItIsClosed() {
        // a: 2, 1, 4, 0.5 days; b: d1 1 day, d2's first visit is open, d4 1.5 days
        assertThat(stage(TimeMode.FIRST, 1).durations().medianSeconds()).isEqualTo(1.5 * DAY);
        assertThat(stage(TimeMode.FIRST, 1).durations().meanSeconds()).isEqualTo(7.5 / 4 * DAY);
        DurationSummary b = stage(TimeMode.FIRST, 2).durations();
        assertThat(b.count()).isEqualTo(2);
        assertThat(b.medianSeconds()).isEqualTo(1.25 * DAY);
    }

    @Test
    void latestTakesTheLastClosedVisitAndIgnoresAnOpenOneAfterIt() {
        // a: 4, 1, 4, 0.5 days (d4's open visit after its closed one is ignored)
        DurationSummary a = stage(TimeMode.LATEST, 1).durations();

        assertThat(a.count()).isEqualTo(4);
        assertThat(a.meanSeconds()).isEqualTo(9.5 / 4 * DAY);
        assertThat(a.medianSeconds()).isEqualTo(2.5 * DAY);
        assertThat(a.maxSeconds()).isEqualTo(4 * DAY);
    }

    @Test
    void openVisitsAreNeverObservations() {
        // b: d2's only visit is open, so only d1 (1 + 1 days) and d4 (1.5 days) contribute
        assertThat(stage(TimeMode.CUMULATIVE, 2).durations().count()).isEqualTo(2);
        assertThat(stage(TimeMode.CUMULATIVE, 2).durations().maxSeconds()).isEqualTo(2 * DAY);
    }

    @Test
    void kaplanMeierMedianCensorsOpenFirstVisitsAtTheAsOfTime() {
        // b first visits: 1 day (event), 1.5 days (event), d2 open since day 1 -> censored at 19 days.
        // S(1) = 2/3, S(1.5) = 2/3 · 1/2 = 1/3 <= 0.5
        StageTimes b = stage(TimeMode.CUMULATIVE, 2);
        assertThat(b.firstVisits()).isEqualTo(3);
        assertThat(b.censored()).isEqualTo(1);
        assertThat(b.kaplanMeierMedianSeconds()).isEqualTo(1.5 * DAY);
        // a first visits 2, 1, 4, 0.5 days, all closed: S(0.5) = 3/4, S(1) = 1/2 -> median 1 day
        assertThat(stage(TimeMode.CUMULATIVE, 1).kaplanMeierMedianSeconds()).isEqualTo(1 * DAY);
    }

    @Test
    void kaplanMeierLeavesFirstVisitsThatBeginAfterTheAsOfTimeOutOfTheRiskSet() {
        // as of day 5, first visits to a: d1 0 ms (event), d2 2 days (event), d5 open since exactly day 5
        // (censored at 0). d3 (open) and d4 (closed) begin after day 5 and are not in the sample.
        // S(0) = 2/3, S(2 days) = 0 -> median 2 days
        TimeInStageReport report = TimeInStage.compute(Pipelines.index(Pipelines.versionOne("a", "b"),
                deal("d1").openedAt("a", 0).movedTo("b", 0),
                deal("d2").openedAt("a", 0).movedTo("b", 2),
                deal("d3").openedAt("a", 10),
                deal("d4").openedAt("a", 8).movedTo("b", 9),
                deal("d5").openedAt("a", 5)), Population.ALL, Slice.ALL, TimeMode.CUMULATIVE, day(5));

        StageTimes a = report.stages().get(0);
        assertThat(a.firstVisits()).isEqualTo(3);
        assertThat(a.censored()).isEqualTo(1);
        assertThat(a.kaplanMeierMedianSeconds()).isEqualTo(2 * DAY);
    }

    @Test
    void anEmptyStageHasACountOfZeroAndNoFigures() {
        TimeInStageReport report = TimeInStage.compute(Pipelines.index(Pipelines.versionOne("a", "b"),
                deal("d1").openedAt("a", 0)), Population.ALL, Slice.ALL, TimeMode.CUMULATIVE, day(1));

        assertThat(report.stages().get(1).durations()).isEqualTo(new DurationSummary(0, null, null, null, null,
                null));
        assertThat(report.stages().get(1).kaplanMeierMedianSeconds()).isNull();
        assertThat(report.stages().get(0).kaplanMeierMedianSeconds()).as("only censored").isNull();
    }
}
