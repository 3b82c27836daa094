package io.pipelens.query.analytics.criteria;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.skipimpact.StageSkipImpact;

/**
 * One 2×2 table of criteria impact (DESIGN §9.1), with every statistic skip impact gives its tables: the unconfirmed
 * deals stand where skip impact's skipped ones do, the confirmed where the visited ones do.
 *
 * @param table the counts and statistics, as skip impact computes them
 * @param q     Benjamini–Hochberg q-value across every table of the answer with a p-value
 */
public record CriteriaTable(StageSkipImpact table, Double q) {

    /** a: moved on unconfirmed and lost. */
    public int unconfirmedLost() {
        return table.skippedLost();
    }

    /** b: moved on unconfirmed and won. */
    public int unconfirmedWon() {
        return table.skippedWon();
    }

    /** c: confirmed and lost. */
    public int confirmedLost() {
        return table.visitedLost();
    }

    /** d: confirmed and won. */
    public int confirmedWon() {
        return table.visitedWon();
    }

    public Double lostRateUnconfirmed() {
        return table.lostRateSkipped();
    }

    public Interval lostRateUnconfirmedCi() {
        return table.lostRateSkippedCi();
    }

    public Double lostRateConfirmed() {
        return table.lostRateVisited();
    }

    public Interval lostRateConfirmedCi() {
        return table.lostRateVisitedCi();
    }

    public Double riskDifference() {
        return table.riskDifference();
    }

    public Double relativeRisk() {
        return table.relativeRisk();
    }

    public Interval relativeRiskCi() {
        return table.relativeRiskCi();
    }

    public Double oddsRatio() {
        return table.oddsRatio();
    }

    public Interval oddsRatioCi() {
        return table.oddsRatioCi();
    }

    public Double fisherP() {
        return table.fisherP();
    }

    /** Fewer than 20 deals unconfirmed, or an expected cell below 5. */
    public boolean insufficientData() {
        return table.insufficientData();
    }

    CriteriaTable withQ(Double value) {
        return new CriteriaTable(table, value);
    }
}
