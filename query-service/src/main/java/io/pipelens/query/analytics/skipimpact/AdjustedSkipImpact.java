package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Skip impact adjusted for deal attributes (DESIGN §9.2) in one pass over the deals. Per stratum, closed deals are
 * counted in a histogram of highest positions by outcome and their visited stages by outcome, as {@code SkipImpact}
 * does for the whole population; stage k's table in a stratum then takes c and d from the visited counts and a and b
 * from the remaining deals with highest position beyond k.
 */
public final class AdjustedSkipImpact {

    private AdjustedSkipImpact() {
    }

    public static AdjustedSkipImpactReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                                   Population population, Slice slice,
                                                   Collection<AdjustFor> adjustFor) {
        List<VersionedJourney> selected = new ArrayList<>();
        Selection.forEach(deals, population, slice, selected::add);
        Strata strata = Strata.of(selected, adjustFor);
        int n = version.stageCount();
        int width = n + 2;
        int[] lostByHighest = new int[strata.count() * width];
        int[] wonByHighest = new int[strata.count() * width];
        int[] visitedLost = new int[strata.count() * width];
        int[] visitedWon = new int[strata.count() * width];
        int closed = 0;
        for (int i = 0; i < selected.size(); i++) {
            VersionedJourney deal = selected.get(i);
            if (deal.outcome() == Outcome.OPEN) {
                continue;
            }
            closed++;
            boolean lost = deal.outcome() == Outcome.LOST;
            int base = strata.of(i) * width;
            int h = deal.highest();
            (lost ? lostByHighest : wonByHighest)[base + h]++;
            int[] visited = lost ? visitedLost : visitedWon;
            for (long bits = deal.visitedPositions() & ((1L << h) - 1); bits != 0; bits &= bits - 1) {
                visited[base + Long.numberOfTrailingZeros(bits)]++;
            }
        }

        // per stratum and stage k, the closed deals whose highest position is beyond k, by outcome
        int[] lostBeyond = new int[strata.count() * width];
        int[] wonBeyond = new int[strata.count() * width];
        for (int s = 0; s < strata.count(); s++) {
            int base = s * width;
            for (int k = n - 1; k >= 1; k--) {
                lostBeyond[base + k] = lostBeyond[base + k + 1] + lostByHighest[base + k + 1];
                wonBeyond[base + k] = wonBeyond[base + k + 1] + wonByHighest[base + k + 1];
            }
        }

        List<AdjustedStageSkipImpact> stages = new ArrayList<>(n);
        Double[] pValues = new Double[n];
        for (int k = 1; k <= n; k++) {
            List<Stratum2x2> tables = new ArrayList<>();
            for (int s = 0; s < strata.count(); s++) {
                int at = s * width + k;
                int c = visitedLost[at];
                int d = visitedWon[at];
                tables.add(new Stratum2x2(lostBeyond[at] - c, wonBeyond[at] - d, c, d));
            }
            AdjustedStageSkipImpact stage = stage(k, version.key(k), tables);
            pValues[k - 1] = stage.cmhP();
            stages.add(stage);
        }
        Double[] q = BenjaminiHochberg.adjust(pValues);
        for (int k = 1; k <= n; k++) {
            stages.set(k - 1, stages.get(k - 1).withCmhQ(q[k - 1]));
        }
        return new AdjustedSkipImpactReport(version.number(), List.copyOf(strata.adjustFor()), selected.size(),
                closed, List.copyOf(stages));
    }

    /**
     * The adjusted figures of one stage from its strata's tables (empty tables, strata without a deal in the stage's
     * table, count nowhere); the q-value is left null.
     */
    static AdjustedStageSkipImpact stage(int position, String key, List<Stratum2x2> tables) {
        List<Stratum2x2> used = new ArrayList<>();
        Stratum2x2 summed = new Stratum2x2(0, 0, 0, 0);
        int dropped = 0;
        int dealsDropped = 0;
        for (Stratum2x2 table : tables) {
            if (table.comparable()) {
                used.add(table);
                summed = summed.plus(table);
            } else if (table.total() > 0) {
                dropped++;
                dealsDropped += table.total();
            }
        }
        MantelHaenszel.Estimate oddsRatio = MantelHaenszel.oddsRatio(used);
        MantelHaenszel.Estimate relativeRisk = MantelHaenszel.relativeRisk(used);
        MantelHaenszel.Test cmh = MantelHaenszel.cochranMantelHaenszel(used);
        BreslowDayTarone.Homogeneity homogeneity = BreslowDayTarone.test(used,
                oddsRatio == null ? null : oddsRatio.value());
        return new AdjustedStageSkipImpact(position, key, summed.a(), summed.b(), summed.c(), summed.d(),
                used.size(), dropped, dealsDropped,
                oddsRatio == null ? null : oddsRatio.value(), oddsRatio == null ? null : oddsRatio.interval95(),
                relativeRisk == null ? null : relativeRisk.value(),
                relativeRisk == null ? null : relativeRisk.interval95(),
                cmh == null ? null : cmh.chiSquare(), cmh == null ? null : cmh.p(), null,
                homogeneity == null ? null : homogeneity.chiSquare(),
                homogeneity == null ? null : homogeneity.degreesOfFreedom(),
                homogeneity == null ? null : homogeneity.p(), summed.insufficientData());
    }
}
