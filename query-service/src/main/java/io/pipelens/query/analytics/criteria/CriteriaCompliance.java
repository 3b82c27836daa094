package io.pipelens.query.analytics.criteria;

import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.RecordedExits;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.List;

/**
 * Exit criteria compliance (DESIGN §9.1) in one pass over the selected deals, open ones included: per stage, the
 * forward exits from it, those that recorded their confirmed criteria, those that confirmed every item, and per item
 * the recorded exits that confirmed it.
 */
public final class CriteriaCompliance {

    private CriteriaCompliance() {
    }

    public static ComplianceReport compute(AnalyticIndex index, Population population, Slice slice) {
        return compute(index.version(), index.deals(), population, slice);
    }

    public static ComplianceReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                           Population population, Slice slice) {
        int n = version.stageCount();
        int[] all = new int[n + 1];
        int[][] confirmed = new int[n + 1][];
        for (int k = 1; k <= n; k++) {
            all[k] = ForwardExits.allItems(version, k);
            confirmed[k] = new int[ForwardExits.items(version, k).size()];
        }
        int[] forward = new int[n + 1];
        int[] recorded = new int[n + 1];
        int[] complete = new int[n + 1];
        int selected = Selection.forEach(deals, population, slice, deal -> {
            for (int i = 0; i < deal.visitCount(); i++) {
                if (ForwardExits.endsForward(deal, i)) {
                    forward[deal.stageAt(i)]++;
                }
            }
            for (int r = 0; r < deal.recordedExitCount(); r++) {
                long exit = deal.recordedExit(r);
                int k = deal.stageAt(RecordedExits.visit(exit));
                int items = RecordedExits.confirmedItems(exit);
                recorded[k]++;
                if (items == all[k]) {
                    complete[k]++;
                }
                for (int bits = items; bits != 0; bits &= bits - 1) {
                    confirmed[k][Integer.numberOfTrailingZeros(bits)]++;
                }
            }
        });
        List<StageCompliance> stages = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            List<CriterionDefinition> definitions = ForwardExits.items(version, k);
            List<ItemCompliance> items = new ArrayList<>(definitions.size());
            for (int j = 0; j < definitions.size(); j++) {
                items.add(new ItemCompliance(definitions.get(j).key(), definitions.get(j).text(), confirmed[k][j],
                        recorded[k]));
            }
            stages.add(new StageCompliance(k, version.key(k), forward[k], recorded[k], complete[k],
                    List.copyOf(items)));
        }
        return new ComplianceReport(version.number(), selected, List.copyOf(stages));
    }
}
