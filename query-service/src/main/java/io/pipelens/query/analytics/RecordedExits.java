package io.pipelens.query.analytics;

import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealStatusView;
import io.pipelens.query.deal.Visit;
import java.util.Arrays;
import java.util.List;

/**
 * The forward exits of a deal's path that recorded which exit criteria they confirmed (DESIGN §9.1), one {@code long}
 * each: the index of the path visit the exit ended in the high 32 bits, and in the low 32 bits the set of the items
 * of that visit's stage it confirmed (bit j for the stage's j-th item; a stage has at most
 * {@link io.pipelens.kernel.pipeline.PipelineDefinition#MAX_CRITERIA} items). Exits that recorded nothing cost
 * nothing, so a deal without confirmations holds one shared empty array: the forward exits themselves are read from
 * the path.
 *
 * <p>Under the analysed version, a recorded visit ends with a forward exit when the deal was won there, or moved on to
 * a visit whose stage (after absorption) is later. A move into an absorbed stage, or between keys mapped to one stage,
 * is therefore no exit; a list on an exit from an absorbed stage counts nowhere (it named another stage's items); and
 * a confirmed key counts where the stage its visit maps to has an item with that key.
 */
public final class RecordedExits {

    private static final long[] NONE = new long[0];
    private static final long ITEMS = 0xFFFF_FFFFL;

    private RecordedExits() {
    }

    /**
     * @param stages      each recorded visit's stage position under {@code version}, absorbed visits resolved to their
     *                    neighbour's
     * @param pathVisitOf each recorded visit's index in the path it merged into
     */
    static long[] of(DealJourney journey, AnalyticVersion version, int[] stages, int[] pathVisitOf) {
        List<Visit> raw = journey.visits();
        long[] exits = NONE;
        for (int i = 0; i < raw.size(); i++) {
            Visit visit = raw.get(i);
            if (visit.confirmedCriteria() == null || visit.exitedAt() == null
                    || version.positionOf(visit.stage()) == AnalyticVersion.ABSORBED) {
                continue;
            }
            boolean last = i == raw.size() - 1;
            boolean won = visit.closedAs() == DealStatusView.WON || last && journey.status() == DealStatusView.WON;
            boolean movedOn = !last && !raw.get(i + 1).beganWithReopening() && stages[i + 1] > stages[i];
            if (won || movedOn) {
                exits = Arrays.copyOf(exits, exits.length + 1);
                exits[exits.length - 1] = (long) pathVisitOf[i] << 32
                        | confirmed(version.stage(stages[i]).criteria(), visit.confirmedCriteria());
            }
        }
        return exits;
    }

    private static long confirmed(List<CriterionDefinition> items, List<String> keys) {
        long set = 0;
        for (int j = 0; items != null && j < items.size(); j++) {
            if (keys.contains(items.get(j).key())) {
                set |= 1L << j;
            }
        }
        return set;
    }

    /** The index of the path visit the exit ended. */
    public static int visit(long exit) {
        return (int) (exit >>> 32);
    }

    /** The items the exit confirmed: bit j for the stage's j-th item. */
    public static int confirmedItems(long exit) {
        return (int) (exit & ITEMS);
    }
}
