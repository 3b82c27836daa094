package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.List;

/**
 * The funnel of DESIGN §7, in one pass over the deals and O(visited stages) work per deal: the per-stage counts are
 * derived from a histogram of highest positions, the visited bit sets and the outcome stage.
 *
 * <p>Derivations used (h = highest position; h is always a visited position):
 * reached(k) = #(h ≥ k); skipped(k) = #(h > k) − (visited(k) − #(h = k)); progressed(k) = #(h > k) + #(won from k
 * with h = k), since a deal won from a stage below its highest already has h > k; progressedStrict(k) = visited(k) −
 * #(h = k) + #(won from k with h = k).
 */
public final class Funnel {

    private Funnel() {
    }

    /** The funnel of the index's deals under the index's version. */
    public static FunnelReport compute(AnalyticIndex index, Population population, Slice slice) {
        return compute(index.version(), index.deals(), population, slice);
    }

    public static FunnelReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                       Population population, Slice slice) {
        int n = version.stageCount();
        int[] highest = new int[n + 2];
        int[] visited = new int[n + 1];
        int[] openAt = new int[n + 1];
        int[] lostAt = new int[n + 1];
        int[] wonFrom = new int[n + 1];
        int[] wonFromHighest = new int[n + 1];
        int selected = Selection.forEach(deals, population, slice, deal -> {
            int h = deal.highest();
            highest[h]++;
            for (long bits = deal.visitedPositions(); bits != 0; bits &= bits - 1) {
                visited[Long.numberOfTrailingZeros(bits)]++;
            }
            int last = deal.lastStage();
            switch (deal.outcome()) {
                case OPEN -> openAt[last]++;
                case LOST -> lostAt[last]++;
                case WON -> {
                    wonFrom[last]++;
                    if (last == h) {
                        wonFromHighest[last]++;
                    }
                }
            }
        });

        List<FunnelStage> stages = new ArrayList<>(n);
        int[] reachedFrom = new int[n + 2];
        for (int k = n; k >= 1; k--) {
            reachedFrom[k] = reachedFrom[k + 1] + highest[k];
        }
        // position 0 holds the deals in no stage (every visit absorbed): in the totals, in no stage's row
        int open = openAt[0];
        int won = wonFrom[0];
        int lost = lostAt[0];
        for (int k = 1; k <= n; k++) {
            int beyond = reachedFrom[k + 1];
            int reached = reachedFrom[k];
            int visitedAndBeyond = visited[k] - highest[k];
            int skipped = beyond - visitedAndBeyond;
            int progressed = beyond + wonFromHighest[k];
            int progressedStrict = visitedAndBeyond + wonFromHighest[k];
            stages.add(new FunnelStage(k, version.key(k), reached, visited[k], skipped, openAt[k], lostAt[k],
                    wonFrom[k], progressed, progressedStrict, Ratios.ratio(progressed, reached),
                    Ratios.ratio(progressedStrict, visited[k]), Ratios.ratio(progressed, progressed + lostAt[k]),
                    Ratios.ratio(progressedStrict, progressedStrict + lostAt[k])));
            open += openAt[k];
            won += wonFrom[k];
            lost += lostAt[k];
        }
        return new FunnelReport(version.number(), selected, open, won, lost, Ratios.ratio(won, won + lost),
                List.copyOf(stages));
    }
}
