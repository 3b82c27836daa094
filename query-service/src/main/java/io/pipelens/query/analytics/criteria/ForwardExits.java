package io.pipelens.query.analytics.criteria;

import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.List;

/** Where the forward exits of DESIGN §9.1 are on a deal's path, and what a stage's checklist holds. */
final class ForwardExits {

    private ForwardExits() {
    }

    /**
     * True when visit {@code i} of the path ended with a forward exit: the deal was won there, or moved on (not closed
     * and reopened) to a later stage. Consecutive visits of the path never share a stage unless a closing parts them,
     * so moves into absorbed stages and between keys mapped to one stage are no exits here.
     */
    static boolean endsForward(VersionedJourney deal, int i) {
        if (deal.endedWithWin(i)) {
            return true;
        }
        return i + 1 < deal.visitCount() && !deal.beganWithReopening(i + 1) && deal.stageAt(i + 1) > deal.stageAt(i);
    }

    /** The stage's checklist items, empty when it has none. */
    static List<CriterionDefinition> items(AnalyticVersion version, int position) {
        List<CriterionDefinition> items = version.stage(position).criteria();
        return items == null ? List.of() : items;
    }

    /** The bit set of every item of the stage's checklist. */
    static int allItems(AnalyticVersion version, int position) {
        return (int) ((1L << items(version, position).size()) - 1);
    }
}
