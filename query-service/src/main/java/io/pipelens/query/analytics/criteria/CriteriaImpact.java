package io.pipelens.query.analytics.criteria;

import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.RecordedExits;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.analytics.skipimpact.BenjaminiHochberg;
import io.pipelens.query.analytics.skipimpact.SkipImpact;
import java.util.ArrayList;
import java.util.List;

/**
 * Criteria impact (DESIGN §9.1) in one pass over the selected closed deals: per stage, the items each deal's recorded
 * forward exits from it missed, folded into one bit set per stage; a deal with recorded exits from the stage counts as
 * unconfirmed in the checklist's table when the set is not empty, and in an item's table when the set holds the item.
 * The tables then get skip impact's statistics, and one Benjamini–Hochberg adjustment over all of them.
 */
public final class CriteriaImpact {

    private static final int LOST = 0;
    private static final int WON = 1;
    private static final int CONFIRMED = 2;

    private CriteriaImpact() {
    }

    public static ImpactReport compute(AnalyticIndex index, Population population, Slice slice) {
        return compute(index.version(), index.deals(), population, slice, null);
    }

    /**
     * @param stage the key of the one stage to report, whose tables alone the q-values then adjust over; null for
     *              every stage
     */
    public static ImpactReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                       Population population, Slice slice, String stage) {
        int n = version.stageCount();
        int[] all = new int[n + 1];
        // cells[k][0] is the checklist's table, cells[k][1 + j] item j's; cell index: lost/won + CONFIRMED if so
        int[][][] cells = new int[n + 1][][];
        for (int k = 1; k <= n; k++) {
            all[k] = ForwardExits.allItems(version, k);
            cells[k] = new int[1 + ForwardExits.items(version, k).size()][4];
        }
        int[] missed = new int[n + 1];
        int[] closed = {0};
        int selected = Selection.forEach(deals, population, slice, deal -> {
            if (deal.outcome() == Outcome.OPEN) {
                return;
            }
            closed[0]++;
            int column = deal.outcome() == Outcome.LOST ? LOST : WON;
            long stages = 0;
            for (int r = 0; r < deal.recordedExitCount(); r++) {
                long exit = deal.recordedExit(r);
                int k = deal.stageAt(RecordedExits.visit(exit));
                missed[k] = (stages >>> k & 1L) == 0 ? 0 : missed[k];
                missed[k] |= all[k] & ~RecordedExits.confirmedItems(exit);
                stages |= 1L << k;
            }
            for (long bits = stages; bits != 0; bits &= bits - 1) {
                int k = Long.numberOfTrailingZeros(bits);
                cells[k][0][column + (missed[k] == 0 ? CONFIRMED : 0)]++;
                for (int j = 0; j + 1 < cells[k].length; j++) {
                    cells[k][1 + j][column + ((missed[k] >>> j & 1) == 0 ? CONFIRMED : 0)]++;
                }
            }
        });
        List<Integer> reported = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (stage == null || stage.equals(version.key(k))) {
                reported.add(k);
            }
        }
        return report(version, reported, selected, closed[0], cells);
    }

    private static ImpactReport report(AnalyticVersion version, List<Integer> reported, int selected, int closed,
                                       int[][][] cells) {
        List<CriteriaTable> tables = new ArrayList<>();
        for (int k : reported) {
            for (int[] table : cells[k]) {
                tables.add(new CriteriaTable(SkipImpact.stage(k, version.key(k), table[LOST], table[WON],
                        table[CONFIRMED + LOST], table[CONFIRMED + WON]), null));
            }
        }
        Double[] q = BenjaminiHochberg.adjust(tables.stream().map(table -> table.fisherP()).toArray(Double[]::new));
        List<StageCriteriaImpact> stages = new ArrayList<>(reported.size());
        int row = 0;
        for (int k : reported) {
            CriteriaTable checklist = tables.get(row).withQ(q[row]);
            row++;
            List<CriterionDefinition> definitions = ForwardExits.items(version, k);
            List<ItemCriteriaImpact> items = new ArrayList<>(definitions.size());
            for (CriterionDefinition definition : definitions) {
                items.add(new ItemCriteriaImpact(definition.key(), definition.text(), tables.get(row).withQ(q[row])));
                row++;
            }
            stages.add(new StageCriteriaImpact(k, version.key(k), checklist, List.copyOf(items)));
        }
        return new ImpactReport(version.number(), selected, closed, List.copyOf(stages));
    }
}
