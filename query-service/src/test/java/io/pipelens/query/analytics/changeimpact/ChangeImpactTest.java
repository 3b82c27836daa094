package io.pipelens.query.analytics.changeimpact;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.NewcombeInterval;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.WilsonInterval;
import java.time.Instant;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

/** Change impact (DESIGN §9.4) on small histories whose figures are worked out by hand; T is day 100. */
class ChangeImpactTest {

    private static final Instant T = day(100);

    private static ChangeImpactReport report(int horizonDays, int windowDays, Instant asOf, DealHistory... deals) {
        AnalyticIndex index = Pipelines.index(Pipelines.versionOne("a", "b"), deals);
        return ChangeImpact.compute(index.version(), index.deals(), Slice.ALL, T, horizonDays, windowDays, asOf);
    }

    @Test
    void cohortsAreOpeningsInTheHalfOpenWindowsAroundTheChange() {
        ChangeImpactReport report = report(10, 50, day(400),
                deal("first-before").openedAt("a", 50).wonAt(55),
                deal("too-early").openedAt("a", 49.999).wonAt(55),
                deal("at-the-change").openedAt("a", 100).wonAt(101),
                deal("last-before").openedAt("a", 99.999).lostAt(101),
                deal("last-after").openedAt("a", 149.999),
                deal("too-late").openedAt("a", 150).wonAt(151));

        assertThat(report.before().deals()).isEqualTo(2);
        assertThat(report.before().wonWithinHorizon()).isEqualTo(1);
        assertThat(report.before().lostWithinHorizon()).isEqualTo(1);
        assertThat(report.after().deals()).isEqualTo(2);
        assertThat(report.after().wonWithinHorizon()).isEqualTo(1);
        assertThat(report.after().openAtHorizon()).isEqualTo(1);
        assertThat(report.deals()).isEqualTo(4);
        assertThat(report.before().openedFrom()).isEqualTo(day(50));
        assertThat(report.after().openedBefore()).isEqualTo(day(150));
    }

    @Test
    void theStateAtTheHorizonIsInclusiveAndLaterEventsDoNotCount() {
        ChangeImpactReport report = report(10, 50, day(400),
                deal("won-at-horizon").openedAt("a", 100).wonAt(110),
                deal("won-after-horizon").openedAt("a", 100).wonAt(110.001),
                deal("lost-at-horizon").openedAt("a", 101).lostAt(111));

        assertThat(report.after().wonWithinHorizon()).isEqualTo(1);
        assertThat(report.after().lostWithinHorizon()).isEqualTo(1);
        assertThat(report.after().openAtHorizon()).isEqualTo(1);
    }

    @Test
    void aReopenedDealStandsAsItsLastClosingByTheHorizonLeftIt() {
        ChangeImpactReport report = report(30, 50, day(400),
                // won, reopened and lost after the horizon: won at the horizon, 5 days from opening
                deal("won-then-lost-later").openedAt("a", 100).wonAt(105).reopenedInto("a", 135).lostAt(140),
                // won, reopened and lost again within the horizon: lost
                deal("won-then-lost").openedAt("a", 100).wonAt(105).reopenedInto("a", 110).lostAt(120),
                // lost, reopened and won within the horizon: won, 20 days from opening
                deal("lost-then-won").openedAt("a", 100).lostAt(105).reopenedInto("b", 110).wonAt(120),
                // won, then reopened within the horizon and still open at it
                deal("reopened-open").openedAt("a", 100).wonAt(105).reopenedInto("b", 110),
                // won, reopened and won again at the same millisecond as the horizon: won, 30 days
                deal("won-twice").openedAt("a", 100).wonAt(101).reopenedInto("b", 102).wonAt(130));

        Cohort after = report.after();
        assertThat(after.wonWithinHorizon()).isEqualTo(3);
        assertThat(after.lostWithinHorizon()).isEqualTo(1);
        assertThat(after.openAtHorizon()).isEqualTo(1);
        assertThat(after.medianDaysToWin()).isEqualTo(20.0);
    }

    @Test
    void aReopeningAtTheMillisecondOfTheHorizonLeavesTheDealOpen() {
        ChangeImpactReport report = report(10, 50, day(400),
                deal("reopened-at-horizon").openedAt("a", 100).wonAt(110).reopenedInto("a", 110).lostAt(115),
                deal("won-at-horizon-after-reopening").openedAt("a", 100).lostAt(105).reopenedInto("a", 105)
                        .wonAt(110));

        assertThat(report.after().openAtHorizon()).isEqualTo(1);
        assertThat(report.after().wonWithinHorizon()).isEqualTo(1);
        assertThat(report.after().lostWithinHorizon()).isZero();
        assertThat(report.after().medianDaysToWin()).isEqualTo(10.0);
    }

    @Test
    void dealsWithoutFullFollowUpAreLeftOutAndCounted() {
        Instant asOf = day(120);
        ChangeImpactReport report = report(10, 50, asOf,
                deal("horizon-at-asOf").openedAt("a", 110).wonAt(112),
                deal("horizon-after-asOf").openedAt("a", 110.001).wonAt(112),
                deal("opened-after-asOf").openedAt("a", 121),
                deal("before").openedAt("a", 60).lostAt(65));

        assertThat(report.after().deals()).isEqualTo(1);
        assertThat(report.after().leftOut()).as("a deal opened after asOf does not exist yet").isEqualTo(1);
        assertThat(report.before().leftOut()).isZero();
    }

    @Test
    void statisticsOfTheTwoCohorts() {
        // before: 1 won of 4 (b1 in 4 days); after: 3 won of 4, in 1, 2 and 6 days, two in EUR and one in USD
        ChangeImpactReport report = report(20, 50, day(400),
                deal("b1").worth("100", "EUR").openedAt("a", 60).wonAt(64),
                deal("b2").openedAt("a", 61).lostAt(70),
                deal("b3").openedAt("a", 62).lostAt(70),
                deal("b4").openedAt("a", 63),
                deal("a1").worth("100", "EUR").openedAt("a", 110).wonAt(111),
                deal("a2").worth("300", "EUR").openedAt("a", 110).wonAt(112),
                deal("a3").worth("50", "USD").openedAt("a", 110).wonAt(116),
                deal("a4").worth("70", "USD").openedAt("a", 110).lostAt(116));

        assertThat(report.before().winRate()).isEqualTo(0.25);
        assertThat(report.before().winRateCi()).isEqualTo(WilsonInterval.of(1, 4));
        assertThat(report.before().medianDaysToWin()).isEqualTo(4.0);
        assertThat(report.after().winRate()).isEqualTo(0.75);
        assertThat(report.after().medianDaysToWin()).as("1, 2 and 6 days").isEqualTo(2.0);
        assertThat(report.after().averageWonAmounts()).containsExactly(new CurrencyAmount("EUR", 2, 200.0),
                new CurrencyAmount("USD", 1, 50.0));
        assertThat(report.winRateDifference()).isEqualTo(0.5);
        assertThat(report.winRateDifferenceCi()).isEqualTo(NewcombeInterval.of(3, 4, 1, 4));
        // Fisher on {{3, 1}, {1, 3}}: tables as or less likely than the observed one are 0/4, 1/4, 3/4, 4/4 of the
        // after cohort's 4 wins out of 4 winners in 8: (1 + 16 + 16 + 1) / 70
        assertThat(report.fisherP()).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(report.caveat()).contains("before/after comparison, not an experiment");
    }

    @Test
    void aCohortWithoutDealsLeavesNothingToCompare() {
        ChangeImpactReport report = report(10, 50, day(400), deal("a1").openedAt("a", 110).wonAt(111));

        assertThat(report.before().deals()).isZero();
        assertThat(report.before().winRate()).isNull();
        assertThat(report.before().winRateCi()).isNull();
        assertThat(report.before().medianDaysToWin()).isNull();
        assertThat(report.winRateDifference()).isNull();
        assertThat(report.winRateDifferenceCi()).isNull();
        assertThat(report.fisherP()).isNull();
    }

    /** Fisher's exact test of Commons Statistics against Agresti's tea-tasting table, as skip impact relies on it. */
    @Test
    void fisherMatchesTheTeaTastingExample() {
        // Agresti A. (2002), Categorical Data Analysis, 2nd ed., §3.5.1, Table 3.8: {{3, 1}, {1, 3}}, two-sided
        // P = 0.486
        double p = FisherExactTest.withDefaults().test(new int[][] {{3, 1}, {1, 3}}).getPValue();

        assertThat(p).isCloseTo(0.486, within(0.0005));
    }
}
