package io.pipelens.query.analytics.bottlenecks;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DurationSummary;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bottlenecks as of a time t (DESIGN §7), in one pass over the deals. The figures are those of the state at t,
 * reconstructed from the paths: a deal is in progress at a stage when one of its visits there contains t, so asking
 * about an earlier t sees the pipeline as it was then.
 *
 * <p>The bottleneck is the stage with work in progress and the largest expected wait. A stage with work in progress
 * and no exit in the window has an unbounded wait and ranks above every finite one. Waits are compared exactly
 * (wipᵢ·exitsⱼ against wipⱼ·exitsᵢ, the window being common); ties go to the larger work in progress, then to the
 * lower position.
 */
public final class Bottlenecks {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private Bottlenecks() {
    }

    /**
     * The stage loads of the index's deals under the index's version.
     *
     * @param window the trailing window for exits; {@link #DEFAULT_WINDOW} when null
     */
    public static BottleneckReport compute(AnalyticIndex index, Population population, Slice slice, Instant asOf,
                                           Duration window) {
        return compute(index.version(), index.deals(), population, slice, asOf,
                window == null ? DEFAULT_WINDOW : window);
    }

    public static BottleneckReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                           Population population, Slice slice, Instant asOf, Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be a positive duration, was " + window);
        }
        int n = version.stageCount();
        long t = asOf.toEpochMilli();
        long windowStart = t - window.toMillis();
        LongList[] ages = new LongList[n + 1];
        LongList[] cumulative = new LongList[n + 1];
        for (int k = 1; k <= n; k++) {
            ages[k] = new LongList();
            cumulative[k] = new LongList();
        }
        int[] exits = new int[n + 1];
        long[] closedTime = new long[n + 1];
        int[] seenBy = new int[n + 1];
        int[] dealNumber = {0};
        int selected = Selection.forEach(deals, population, slice, deal -> {
            int current = ++dealNumber[0];
            long touched = 0;
            for (int i = 0; i < deal.visitCount(); i++) {
                int k = deal.stageAt(i);
                long entered = deal.enteredAt(i);
                long exited = deal.exitedAt(i);
                boolean open = exited == VersionedJourney.OPEN;
                if (entered <= t && (open || exited > t)) {
                    ages[k].add(t - entered);
                }
                if (!open && exited <= t) {
                    if (exited > windowStart) {
                        exits[k]++;
                    }
                    if (seenBy[k] != current) {
                        seenBy[k] = current;
                        closedTime[k] = 0;
                        touched |= 1L << k;
                    }
                    closedTime[k] += exited - entered;
                }
            }
            for (long bits = touched; bits != 0; bits &= bits - 1) {
                int k = Long.numberOfTrailingZeros(bits);
                cumulative[k].add(closedTime[k]);
            }
        });

        double windowDays = window.toMillis() / MILLIS_PER_DAY;
        List<StageLoad> stages = new ArrayList<>(n);
        int bottleneck = 0;
        for (int k = 1; k <= n; k++) {
            int wip = ages[k].size();
            long[] sortedAges = ages[k].sorted();
            long threshold = version.expectedMillis(k);
            boolean fromExpectedDays = threshold >= 0;
            if (!fromExpectedDays && cumulative[k].size() > 0) {
                threshold = DurationSummary.nearestRank(cumulative[k].sorted(), cumulative[k].size(), 90);
            }
            int stuck = 0;
            if (threshold >= 0) {
                for (int i = 0; i < wip; i++) {
                    if (sortedAges[i] > threshold) {
                        stuck++;
                    }
                }
            }
            stages.add(new StageLoad(k, version.key(k), wip,
                    wip == 0 ? null : DurationSummary.medianMillis(sortedAges, wip) / 1000.0,
                    wip == 0 ? null : DurationSummary.nearestRank(sortedAges, wip, 90) / 1000.0,
                    threshold >= 0 ? threshold / 1000.0 : null, fromExpectedDays, stuck, exits[k],
                    exits[k] == 0 ? null : wip * windowDays / exits[k]));
            if (wip > 0 && (bottleneck == 0 || waitsLonger(wip, exits[k], ages[bottleneck].size(),
                    exits[bottleneck]))) {
                bottleneck = k;
            }
        }
        return new BottleneckReport(version.number(), asOf, window, selected, List.copyOf(stages),
                bottleneck == 0 ? null : bottleneck, bottleneck == 0 ? null : version.key(bottleneck));
    }

    /** True when a stage with (wip, exits) waits strictly longer than the best so far, or ties with more wip. */
    private static boolean waitsLonger(int wip, int exits, int bestWip, int bestExits) {
        long compared;
        if (exits == 0 || bestExits == 0) {
            compared = Boolean.compare(exits == 0, bestExits == 0);
        } else {
            compared = Long.compare((long) wip * bestExits, (long) bestWip * exits);
        }
        return compared > 0 || compared == 0 && wip > bestWip;
    }
}
