package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Skip impact adjusted for deal attributes (DESIGN §9.2) in one pass over the deals, which keeps what the counting and
 * the strata need of each in primitive arrays, so that no deal is read twice. Per stratum, closed deals are
 * counted in a histogram of highest positions by outcome and their visited stages by outcome, as {@code SkipImpact}
 * does for the whole population; stage k's table in a stratum then takes c and d from the visited counts and a and b
 * from the remaining deals with highest position beyond k.
 */
public final class AdjustedSkipImpact {

    /** A closed deal's facts in one long: bit 0 lost, bits 1 to 7 its highest position, above them its index. */
    private static final long HIGHEST_BITS = 0xFE;
    private static final int INDEX_SHIFT = 8;

    private AdjustedSkipImpact() {
    }

    /** The adjusted skip impact of the index's deals under the index's version. */
    public static AdjustedSkipImpactReport compute(AnalyticIndex index, Population population, Slice slice,
                                                   Collection<AdjustFor> adjustFor) {
        return compute(index.version(), index.deals(), population, slice, adjustFor);
    }

    public static AdjustedSkipImpactReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                                   Population population, Slice slice,
                                                   Collection<AdjustFor> adjustFor) {
        return Counts.of(version, deals, population, slice, adjustFor).adjusted();
    }

    /**
     * The crude figures (as {@link SkipImpact} gives them) and the adjusted ones from one pass over the deals: a
     * crude table is the sum of the strata's tables.
     */
    public static Both withCrude(AnalyticVersion version, Iterable<VersionedJourney> deals, Population population,
                                 Slice slice, Collection<AdjustFor> adjustFor) {
        Counts counts = Counts.of(version, deals, population, slice, adjustFor);
        return new Both(counts.crude(), counts.adjusted());
    }

    /** The crude and the adjusted figures over the same deals. */
    public record Both(SkipImpactReport crude, AdjustedSkipImpactReport adjusted) {
    }

    /**
     * Per stratum (blocks of {@code width} counts, indexed by position), the closed deals by highest position and by
     * visited position below it, per outcome.
     */
    private record Counts(AnalyticVersion version, Strata strata, int selected, int closed, int width,
                          int[] lostByHighest, int[] wonByHighest, int[] visitedLost, int[] visitedWon) {

        static Counts of(AnalyticVersion version, Iterable<VersionedJourney> deals, Population population,
                         Slice slice, Collection<AdjustFor> adjustFor) {
            Strata.Gatherer gatherer = new Strata.Gatherer(adjustFor);
            LongList closedDeals = new LongList();
            LongList closedVisited = new LongList();
            Selection.forEach(deals, population, slice, deal -> {
                if (deal.outcome() != Outcome.OPEN) {
                    closedDeals.add((long) gatherer.size() << INDEX_SHIFT | deal.highest() << 1
                            | (deal.outcome() == Outcome.LOST ? 1 : 0));
                    closedVisited.add(deal.visitedPositions());
                }
                gatherer.add(deal);
            });
            Strata strata = gatherer.strata();
            int width = version.stageCount() + 2;
            int[] lostByHighest = new int[strata.count() * width];
            int[] wonByHighest = new int[strata.count() * width];
            int[] visitedLost = new int[strata.count() * width];
            int[] visitedWon = new int[strata.count() * width];
            // from the closed deals' facts kept above, so that no deal is read again
            for (int j = 0; j < closedDeals.size(); j++) {
                long facts = closedDeals.get(j);
                boolean lost = (facts & 1) != 0;
                int base = strata.of((int) (facts >>> INDEX_SHIFT)) * width;
                int h = (int) (facts & HIGHEST_BITS) >>> 1;
                (lost ? lostByHighest : wonByHighest)[base + h]++;
                int[] visited = lost ? visitedLost : visitedWon;
                for (long bits = closedVisited.get(j) & ((1L << h) - 1); bits != 0; bits &= bits - 1) {
                    visited[base + Long.numberOfTrailingZeros(bits)]++;
                }
            }
            return new Counts(version, strata, gatherer.size(), closedDeals.size(), width, lostByHighest,
                    wonByHighest, visitedLost, visitedWon);
        }

        /** The crude report: the strata's counts summed. */
        SkipImpactReport crude() {
            return SkipImpact.report(version, selected, closed, summed(lostByHighest), summed(wonByHighest),
                    summed(visitedLost), summed(visitedWon));
        }

        private int[] summed(int[] byStratum) {
            int[] sum = new int[width];
            for (int i = 0; i < byStratum.length; i++) {
                sum[i % width] += byStratum[i];
            }
            return sum;
        }

        AdjustedSkipImpactReport adjusted() {
            int n = version.stageCount();
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
            return new AdjustedSkipImpactReport(version.number(), List.copyOf(strata.adjustFor()), selected, closed,
                    List.copyOf(stages));
        }
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
