package io.pipelens.query.analytics.skipimpact;

import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkipImpactTest {

    private static StageSkipImpact table(int a, int b, int c, int d) {
        return SkipImpact.stage(1, "x", a, b, c, d);
    }

    @Test
    void fisherExactTwoSidedPOfTheTeaTastingTable() {
        // margins 4/4/4 of 8: P(x) = C(4,x)·C(4,4-x)/70 = 1, 16, 36, 16, 1 (/70) for x = 0..4; observed x = 3:
        // p = P(0) + P(1) + P(3) + P(4) = 34/70
        assertThat(table(3, 1, 1, 3).fisherP()).isCloseTo(34 / 70.0, within(1e-12));
    }

    @Test
    void fisherExactTwoSidedPOfAnUnbalancedTable() {
        // rows 10/14, columns 12/12, N = 24, C(24,10) = 1961256; P(x) = C(12,x)·C(12,10-x)/C(24,10).
        // Tables as or less likely than the observed x = 1: x = 0, 1, 9, 10 -> (66 + 2640) · 2 / 1961256
        assertThat(table(1, 9, 11, 3).fisherP()).isCloseTo(5412 / 1961256.0, within(1e-12));
    }

    @Test
    void ratesRiskDifferenceAndRatiosWithTheirIntervals() {
        // skipped: 10 lost of 20 = 0.5; visited: 5 lost of 25 = 0.2
        StageSkipImpact stage = table(10, 10, 5, 20);

        assertThat(stage.lostRateSkipped()).isEqualTo(0.5);
        assertThat(stage.lostRateVisited()).isEqualTo(0.2);
        assertThat(stage.riskDifference()).isCloseTo(0.3, within(1e-15));
        assertThat(stage.relativeRisk()).isCloseTo(2.5, within(1e-12));
        // Katz: se = sqrt(1/10 - 1/20 + 1/5 - 1/25) = sqrt(0.21); exp(ln 2.5 ± 1.959964 · se)
        assertThat(stage.relativeRiskCi().lower()).isCloseTo(1.0182876071856661, within(1e-9));
        assertThat(stage.relativeRiskCi().upper()).isCloseTo(6.13775514490812, within(1e-9));
        // OR = 10·20 / (10·5) = 4; Woolf: se = sqrt(1/10 + 1/10 + 1/5 + 1/20) = sqrt(0.45)
        assertThat(stage.oddsRatio()).isCloseTo(4.0, within(1e-12));
        assertThat(stage.oddsRatioCi().lower()).isCloseTo(1.0741294829815025, within(1e-9));
        assertThat(stage.oddsRatioCi().upper()).isCloseTo(14.895783286376412, within(1e-9));
        assertThat(stage.insufficientData()).isFalse();
    }

    @Test
    void aZeroCellEmptiesTheRelativeRiskIntervalAndCorrectsTheOddsRatio() {
        StageSkipImpact stage = table(0, 12, 6, 14);

        assertThat(stage.relativeRisk()).isEqualTo(0.0);
        assertThat(stage.relativeRiskCi()).isNull();
        // every cell + 0.5: 0.5 · 14.5 / (12.5 · 6.5)
        assertThat(stage.oddsRatio()).isCloseTo(0.08923076923076922, within(1e-12));
        assertThat(stage.oddsRatioCi().lower()).isCloseTo(0.004558424590224094, within(1e-9));
        assertThat(stage.oddsRatioCi().upper()).isCloseTo(1.746684631920908, within(1e-9));
    }

    @Test
    void noLostDealAmongTheVisitedLeavesTheRelativeRiskUndefined() {
        StageSkipImpact stage = table(3, 17, 0, 10);

        assertThat(stage.relativeRisk()).isNull();
        assertThat(stage.relativeRiskCi()).isNull();
        assertThat(stage.oddsRatio()).isNotNull();
        assertThat(stage.fisherP()).isNotNull();
    }

    @Test
    void anEmptyGroupLeavesNothingToCompare() {
        StageSkipImpact stage = table(0, 0, 4, 6);

        assertThat(stage.lostRateSkipped()).isNull();
        assertThat(stage.lostRateVisited()).isEqualTo(0.4);
        assertThat(List.of(stage.skippedLost(), stage.skippedWon(), stage.visitedLost(), stage.visitedWon()))
                .containsExactly(0, 0, 4, 6);
        assertThat(stage.riskDifference()).isNull();
        assertThat(stage.relativeRisk()).isNull();
        assertThat(stage.oddsRatio()).isNull();
        assertThat(stage.oddsRatioCi()).isNull();
        assertThat(stage.fisherP()).isNull();
        assertThat(stage.insufficientData()).isTrue();
    }

    @Test
    void insufficientDataBelowTwentySkippedOrAnExpectedCellBelowFive() {
        // rows 20/20, columns 10/30, N 40: smallest expected cell 20 · 10 / 40 = 5 -> enough
        assertThat(table(5, 15, 5, 15).insufficientData()).isFalse();
        // columns 9/31: 20 · 9 / 40 = 4.5 -> not enough
        assertThat(table(4, 16, 5, 15).insufficientData()).isTrue();
        // 19 skipped
        assertThat(table(9, 10, 10, 10).insufficientData()).isTrue();
    }

    @Test
    void countsClosedDealsBeyondTheStageAndAdjustsPAcrossStages() {
        List<DealHistory> deals = new ArrayList<>();
        int n = 0;
        // over stages a, b, c: 6 deals skip b and are lost, 2 skip b and are won,
        // 1 visits b and is lost, 7 visit b and are won
        for (int i = 0; i < 6; i++) {
            deals.add(deal("s" + n++).openedAt("a", 0).movedTo("c", 1).lostAt(2));
        }
        for (int i = 0; i < 2; i++) {
            deals.add(deal("s" + n++).openedAt("a", 0).movedTo("c", 1).wonAt(2));
        }
        deals.add(deal("s" + n++).openedAt("a", 0).movedTo("b", 1).movedTo("c", 2).lostAt(3));
        for (int i = 0; i < 7; i++) {
            deals.add(deal("s" + n++).openedAt("a", 0).movedTo("b", 1).movedTo("c", 2).wonAt(3));
        }
        // not counted for b: open, lost at b itself (highest = b), never beyond a
        deals.add(deal("s" + n++).openedAt("a", 0).movedTo("c", 1));
        deals.add(deal("s" + n++).openedAt("a", 0).movedTo("b", 1).lostAt(2));
        deals.add(deal("s" + n).openedAt("a", 0).lostAt(1));

        SkipImpactReport report = SkipImpact.compute(Pipelines.index(Pipelines.versionOne("a", "b", "c"),
                deals.toArray(DealHistory[]::new)), Population.ALL, Slice.ALL);

        StageSkipImpact b = report.stages().get(1);
        assertThat(List.of(b.skippedLost(), b.skippedWon(), b.visitedLost(), b.visitedWon()))
                .containsExactly(6, 2, 1, 7);
        // a: nobody skipped it, so no p; c: nobody is beyond it. b holds the only p-value: q = p.
        assertThat(report.stages().get(0).fisherP()).isNull();
        assertThat(report.stages().get(2).fisherP()).isNull();
        assertThat(b.q()).isEqualTo(b.fisherP());
        assertThat(report.closedDeals()).isEqualTo(18);
        assertThat(report.deals()).isEqualTo(19);
    }
}
