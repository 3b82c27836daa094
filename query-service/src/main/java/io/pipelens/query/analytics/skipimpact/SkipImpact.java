package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.analytics.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Skip impact (DESIGN §7) in one pass: closed deals are counted in a histogram of highest positions by outcome, and
 * their visited stages by outcome; for stage k, c and d are the visited counts below the deal's highest position, and
 * a and b are the remaining deals with highest position beyond k.
 */
public final class SkipImpact {

    private static final FisherExactTest FISHER = FisherExactTest.withDefaults();

    private SkipImpact() {
    }

    /** The skip impact of the index's deals under the index's version. */
    public static SkipImpactReport compute(AnalyticIndex index, Population population, Slice slice) {
        return compute(index.version(), index.deals(), population, slice);
    }

    public static SkipImpactReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                           Population population, Slice slice) {
        int n = version.stageCount();
        int[] lostByHighest = new int[n + 2];
        int[] wonByHighest = new int[n + 2];
        int[] visitedLost = new int[n + 1];
        int[] visitedWon = new int[n + 1];
        int[] closed = {0};
        int selected = Selection.forEach(deals, population, slice, deal -> {
            if (deal.outcome() == Outcome.OPEN) {
                return;
            }
            closed[0]++;
            boolean lost = deal.outcome() == Outcome.LOST;
            int h = deal.highest();
            (lost ? lostByHighest : wonByHighest)[h]++;
            long below = deal.visitedPositions() & ((1L << h) - 1);
            int[] visited = lost ? visitedLost : visitedWon;
            for (long bits = below; bits != 0; bits &= bits - 1) {
                visited[Long.numberOfTrailingZeros(bits)]++;
            }
        });

        return report(version, selected, closed[0], lostByHighest, wonByHighest, visitedLost, visitedWon);
    }

    /**
     * The report from the closed deals' counts by highest position and by visited position below it (indexes are
     * positions), per outcome.
     */
    static SkipImpactReport report(AnalyticVersion version, int selected, int closed, int[] lostByHighest,
                                   int[] wonByHighest, int[] visitedLost, int[] visitedWon) {
        int n = version.stageCount();
        List<StageSkipImpact> stages = new ArrayList<>(n);
        Double[] pValues = new Double[n];
        int lostBeyond = 0;
        int wonBeyond = 0;
        int[] lostAbove = new int[n + 1];
        int[] wonAbove = new int[n + 1];
        for (int k = n; k >= 1; k--) {
            lostAbove[k] = lostBeyond;
            wonAbove[k] = wonBeyond;
            lostBeyond += lostByHighest[k];
            wonBeyond += wonByHighest[k];
        }
        for (int k = 1; k <= n; k++) {
            int c = visitedLost[k];
            int d = visitedWon[k];
            int a = lostAbove[k] - c;
            int b = wonAbove[k] - d;
            StageSkipImpact stage = stage(k, version.key(k), a, b, c, d);
            pValues[k - 1] = stage.fisherP();
            stages.add(stage);
        }
        Double[] q = BenjaminiHochberg.adjust(pValues);
        for (int k = 1; k <= n; k++) {
            stages.set(k - 1, stages.get(k - 1).withQ(q[k - 1]));
        }
        return new SkipImpactReport(version.number(), selected, closed, List.copyOf(stages));
    }

    /**
     * Every figure of one 2×2 table (a, b: the compared group lost, won; c, d: the reference group lost, won), without
     * its q-value, which depends on the other tables of an answer. Criteria impact (DESIGN §9.1) reads its tables
     * through it too.
     */
    public static StageSkipImpact stage(int position, String key, int a, int b, int c, int d) {
        int skipped = a + b;
        int visited = c + d;
        Double lostRateSkipped = Ratios.ratio(a, skipped);
        Double lostRateVisited = Ratios.ratio(c, visited);
        boolean insufficient = new Stratum2x2(a, b, c, d).insufficientData();
        if (skipped == 0 || visited == 0) {
            return new StageSkipImpact(position, key, a, b, c, d, lostRateSkipped, lostRateVisited, null, null, null,
                    null, null, null, null, insufficient, null);
        }
        double riskDifference = lostRateSkipped - lostRateVisited;
        Double relativeRisk = c == 0 ? null : lostRateSkipped / lostRateVisited;
        Interval relativeRiskCi = null;
        if (a > 0 && c > 0) {
            double se = Math.sqrt(1.0 / a - 1.0 / skipped + 1.0 / c - 1.0 / visited);
            relativeRiskCi = interval(Math.log(relativeRisk), se);
        }
        double correction = a == 0 || b == 0 || c == 0 || d == 0 ? 0.5 : 0.0;
        double ca = a + correction;
        double cb = b + correction;
        double cc = c + correction;
        double cd = d + correction;
        double oddsRatio = ca * cd / (cb * cc);
        Interval oddsRatioCi = interval(Math.log(oddsRatio), Math.sqrt(1 / ca + 1 / cb + 1 / cc + 1 / cd));
        double p = FISHER.test(new int[][] {{a, b}, {c, d}}).getPValue();
        return new StageSkipImpact(position, key, a, b, c, d, lostRateSkipped, lostRateVisited, riskDifference,
                relativeRisk, relativeRiskCi, oddsRatio, oddsRatioCi, p, null, insufficient, null);
    }

    private static Interval interval(double logEstimate, double standardError) {
        double z = WilsonInterval.Z_95;
        return new Interval(Math.exp(logEstimate - z * standardError), Math.exp(logEstimate + z * standardError));
    }
}
