package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;

/**
 * Whether skipping one stage goes with losing, over closed deals whose highest position is beyond it (every such
 * deal either visited the stage or skipped it). See docs/metrics.md for every definition.
 *
 * @param skippedLost      a: skipped the stage and lost
 * @param skippedWon       b: skipped the stage and won
 * @param visitedLost      c: visited the stage and lost
 * @param visitedWon       d: visited the stage and won
 * @param lostRateSkipped  a ÷ (a + b); null when no deal skipped
 * @param lostRateVisited  c ÷ (c + d); null when no deal visited
 * @param riskDifference   lostRateSkipped − lostRateVisited; null when a group is empty
 * @param relativeRisk     lostRateSkipped ÷ lostRateVisited; null when a group is empty or c = 0
 * @param relativeRiskCi   Katz 95% interval; null (empty) when a group is empty or a or c is 0
 * @param oddsRatio        (a·d) ÷ (b·c), with 0.5 added to every cell when one is 0; null when a group is empty
 * @param oddsRatioCi      Woolf 95% interval on the same (corrected) cells; null when a group is empty
 * @param fisherP          Fisher's exact two-sided p-value; null when a group is empty
 * @param q                Benjamini–Hochberg q-value across the stages of the report with a p-value
 * @param insufficientData fewer than 20 deals skipped, or an expected cell below 5
 * @see #lostRateSkippedCi() the lost rates' 95% Wilson intervals (DESIGN §9)
 */
public record StageSkipImpact(int position, String key, int skippedLost, int skippedWon, int visitedLost,
                              int visitedWon, Double lostRateSkipped, Double lostRateVisited, Double riskDifference,
                              Double relativeRisk, Interval relativeRiskCi, Double oddsRatio, Interval oddsRatioCi,
                              Double fisherP, Double q, boolean insufficientData) {

    /** The 95% Wilson interval of {@code lostRateSkipped}; null when no deal skipped. */
    public Interval lostRateSkippedCi() {
        return WilsonInterval.of(skippedLost, skippedLost + skippedWon);
    }

    /** The 95% Wilson interval of {@code lostRateVisited}; null when no deal visited. */
    public Interval lostRateVisitedCi() {
        return WilsonInterval.of(visitedLost, visitedLost + visitedWon);
    }

    StageSkipImpact withQ(Double value) {
        return new StageSkipImpact(position, key, skippedLost, skippedWon, visitedLost, visitedWon, lostRateSkipped,
                lostRateVisited, riskDifference, relativeRisk, relativeRiskCi, oddsRatio, oddsRatioCi, fisherP, value,
                insufficientData);
    }
}
