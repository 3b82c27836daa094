package io.pipelens.query.analytics.skipimpact;

import static io.pipelens.query.analytics.skipimpact.Deals.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedSkipImpactTest {

    private static final AnalyticVersion FUNNEL = Deals.versionOne("lead", "qualification", "proposal");

    private final List<List<DealEvent>> deals = new ArrayList<>();

    /** {@code count} deals of {@code owner} that go from lead to proposal, skipping qualification or not. */
    private void add(int count, String owner, boolean skipped, boolean lost) {
        for (int i = 0; i < count; i++) {
            Deals deal = deal(owner + deals.size()).ownedBy(owner);
            deal = skipped ? deal.through("lead", "proposal") : deal.through("lead", "qualification", "proposal");
            deals.add(lost ? deal.lost() : deal.won());
        }
    }

    private AdjustedSkipImpactReport report(AdjustFor... adjustFor) {
        return AdjustedSkipImpact.compute(FUNNEL, Deals.index(FUNNEL, deals).deals(), Population.ALL, Slice.ALL,
                List.of(adjustFor));
    }

    private static List<Integer> counts(AdjustedStageSkipImpact stage) {
        return List.of(stage.skippedLost(), stage.skippedWon(), stage.visitedLost(), stage.visitedWon(),
                stage.strataUsed(), stage.strataDropped(), stage.dealsInDroppedStrata());
    }

    @Test
    void theOwnersConfoundingVanishesOnceAdjustedForOwner() {
        // olga skips qualification in 60 of her 80 deals and loses 60% of them whether she skips or not;
        // ann and bob skip in 10 of 100 each and lose 20% either way
        add(36, "olga", true, true);
        add(24, "olga", true, false);
        add(12, "olga", false, true);
        add(8, "olga", false, false);
        for (String owner : List.of("ann", "bob")) {
            add(2, owner, true, true);
            add(8, owner, true, false);
            add(18, owner, false, true);
            add(72, owner, false, false);
        }

        AdjustedStageSkipImpact crude = report().stages().get(1);
        AdjustedStageSkipImpact adjusted = report(AdjustFor.OWNER).stages().get(1);

        // crude: 40 of 80 skipped lost against 48 of 200 visited: RR = 0.5 / 0.24
        assertThat(counts(crude)).containsExactly(40, 40, 48, 152, 1, 0, 0);
        assertThat(crude.relativeRisk()).isCloseTo(0.5 / 0.24, within(1e-12)).isGreaterThan(1.8);
        assertThat(crude.cmhP()).isLessThan(0.001);
        // within each owner the lost rates are equal: RR_MH = 1, and the interval holds 1
        assertThat(counts(adjusted)).containsExactly(40, 40, 48, 152, 3, 0, 0);
        assertThat(adjusted.relativeRisk()).isBetween(0.85, 1.15);
        assertThat(adjusted.relativeRiskCi().lower()).isLessThan(1.0);
        assertThat(adjusted.relativeRiskCi().upper()).isGreaterThan(1.0);
        assertThat(adjusted.oddsRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(adjusted.cmhP()).isGreaterThan(0.5);
        // the same odds ratio in every stratum: nothing to reject
        assertThat(adjusted.breslowDayDegreesOfFreedom()).isEqualTo(2);
        assertThat(adjusted.breslowDayP()).isGreaterThan(0.99);
    }

    @Test
    void onlyClosedDealsBeyondTheStageEnterItsTable() {
        deals.add(deal("skipped-lost").through("lead", "proposal").lost());
        deals.add(deal("visited-won").through("lead", "qualification", "proposal").won());
        // not counted for qualification: still open, lost at qualification itself, never beyond lead
        deals.add(deal("open").through("lead", "proposal").open());
        deals.add(deal("lost-there").through("lead", "qualification").lost());
        deals.add(deal("lost-at-lead").through("lead").lost());

        AdjustedSkipImpactReport report = report();

        assertThat(counts(report.stages().get(1))).containsExactly(1, 0, 0, 1, 1, 0, 0);
        // lead: visited by all three closed deals beyond it, skipped by none -> the one stratum is dropped
        assertThat(counts(report.stages().get(0))).containsExactly(0, 0, 0, 0, 0, 1, 3);
        // proposal: no deal is beyond the last stage, so it has no stratum at all
        assertThat(counts(report.stages().get(2))).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(report.deals()).isEqualTo(5);
        assertThat(report.closedDeals()).isEqualTo(4);
    }

    @Test
    void strataWithAnEmptyGroupAreDroppedAndCountedWithTheirDeals() {
        add(3, "ann", true, true);
        add(2, "ann", false, false);
        add(4, "bob", false, true);
        add(1, "bob", false, false);
        add(2, "cy", true, false);

        AdjustedStageSkipImpact stage = report(AdjustFor.OWNER).stages().get(1);

        // ann is used; bob (nobody skipped) and cy (nobody visited) are dropped with their 5 + 2 deals
        assertThat(counts(stage)).containsExactly(3, 0, 0, 2, 1, 2, 7);
        assertThat(stage.insufficientData()).isTrue();
    }

    @Test
    void withoutAnyStratumUsedEveryFigureIsNull() {
        add(3, "ann", true, true);
        add(4, "bob", false, true);

        AdjustedStageSkipImpact stage = report(AdjustFor.OWNER).stages().get(1);

        assertThat(counts(stage)).containsExactly(0, 0, 0, 0, 0, 2, 7);
        assertThat(List.of(stage)).extracting(AdjustedStageSkipImpact::oddsRatio,
                AdjustedStageSkipImpact::oddsRatioCi, AdjustedStageSkipImpact::relativeRisk,
                AdjustedStageSkipImpact::relativeRiskCi, AdjustedStageSkipImpact::cmhChiSquare,
                AdjustedStageSkipImpact::cmhP, AdjustedStageSkipImpact::cmhQ,
                AdjustedStageSkipImpact::breslowDayChiSquare, AdjustedStageSkipImpact::breslowDayP)
                .containsOnly(tuple(null, null, null, null, null, null, null, null,
                        null));
        assertThat(stage.insufficientData()).isTrue();
    }

    @Test
    void insufficientDataIsDecidedOnTheTableSummedOverTheStrataUsed() {
        // used strata hold 20 skipped (10 lost) and 20 visited (10 lost): every expected cell is 10
        add(5, "ann", true, true);
        add(5, "ann", true, false);
        add(5, "ann", false, true);
        add(5, "ann", false, false);
        add(5, "bob", true, true);
        add(5, "bob", true, false);
        add(5, "bob", false, true);
        add(5, "bob", false, false);
        // 30 skipped deals of cy are dropped: they neither help nor hurt
        add(30, "cy", true, true);

        AdjustedStageSkipImpact stage = report(AdjustFor.OWNER).stages().get(1);

        assertThat(counts(stage)).containsExactly(10, 10, 10, 10, 2, 1, 30);
        assertThat(stage.insufficientData()).isFalse();
        // 19 skipped are too few
        deals.remove(0);
        assertThat(report(AdjustFor.OWNER).stages().get(1).insufficientData()).isTrue();
    }

    @Test
    void theCmhPValuesAreAdjustedAcrossStages() {
        AnalyticVersion four = Deals.versionOne("a", "b", "c", "d");
        // b: skipped mostly lost, visited mostly won (small p); c: no association (large p); a: nobody skipped
        for (int i = 0; i < 12; i++) {
            deals.add(deal("s" + i).through("a", "c", "d").lost());
            deals.add(deal("v" + i).through("a", "b", "c", "d").won());
            deals.add(deal("x" + i).through("a", "b", "d").won());
        }
        deals.add(deal("s-won").through("a", "c", "d").won());
        deals.add(deal("v-lost").through("a", "b", "c", "d").lost());

        List<AdjustedStageSkipImpact> stages = AdjustedSkipImpact.compute(four, Deals.index(four, deals).deals(),
                Population.ALL, Slice.ALL, List.of()).stages();

        Double pB = stages.get(1).cmhP();
        Double pC = stages.get(2).cmhP();
        assertThat(stages.get(0).cmhP()).isNull();
        assertThat(stages.get(3).cmhP()).isNull();
        assertThat(pB).isLessThan(pC);
        // m = 2: q(b) = min(2·p(b), p(c)), q(c) = min(1, p(c))
        assertThat(stages.get(1).cmhQ()).isCloseTo(Math.min(2 * pB, pC), within(1e-15));
        assertThat(stages.get(2).cmhQ()).isCloseTo(Math.min(1, pC), within(1e-15));
    }

    @Test
    void thePopulationAndSliceSelectTheDeals() {
        add(3, "ann", true, true);
        add(2, "ann", false, false);
        add(4, "bob", true, false);
        add(1, "bob", false, true);

        AdjustedSkipImpactReport report = AdjustedSkipImpact.compute(FUNNEL, Deals.index(FUNNEL, deals).deals(),
                Population.ALL, new Slice("bob", null, null), List.of(AdjustFor.OWNER));

        assertThat(report.deals()).isEqualTo(5);
        assertThat(report.adjustFor()).containsExactly(AdjustFor.OWNER);
        assertThat(counts(report.stages().get(1))).containsExactly(0, 4, 1, 0, 1, 0, 0);
    }
}
