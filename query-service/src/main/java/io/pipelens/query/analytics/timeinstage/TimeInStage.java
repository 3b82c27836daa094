package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DurationSummary;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time in stage (DESIGN §7) in one pass over the deals: each deal's visits are folded per stage into a scratch array,
 * then the deal's contribution is appended to that stage's sample; samples are sorted once at the end.
 *
 * <p>{@code asOf} bounds the Kaplan–Meier sample only: an open first visit is censored at asOf − enteredAt, and a
 * first visit that begins after {@code asOf} is not in the risk set. It does not hide other history after
 * {@code asOf}; closed visits count as durations whenever they closed.
 */
public final class TimeInStage {

    private static final long NONE = -1;

    private TimeInStage() {
    }

    /** The time in stage of the index's deals under the index's version. */
    public static TimeInStageReport compute(AnalyticIndex index, Population population, Slice slice, TimeMode mode,
                                            Instant asOf) {
        return compute(index.version(), index.deals(), population, slice, mode, asOf);
    }

    public static TimeInStageReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                            Population population, Slice slice, TimeMode mode, Instant asOf) {
        int n = version.stageCount();
        long asOfMillis = asOf.toEpochMilli();
        LongList[] samples = new LongList[n + 1];
        LongList[] firstVisits = new LongList[n + 1];
        int[] censored = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            samples[k] = new LongList();
            firstVisits[k] = new LongList();
        }
        long[] contribution = new long[n + 1];
        int[] seenBy = new int[n + 1];
        int[] dealNumber = {0};
        int selected = Selection.forEach(deals, population, slice, deal -> {
            int current = ++dealNumber[0];
            for (int i = 0; i < deal.visitCount(); i++) {
                int k = deal.stageAt(i);
                long entered = deal.enteredAt(i);
                long exited = deal.exitedAt(i);
                boolean closed = exited != VersionedJourney.OPEN;
                long duration = closed ? exited - entered : NONE;
                if (seenBy[k] != current) {
                    seenBy[k] = current;
                    contribution[k] = NONE;
                    boolean begun = entered <= asOfMillis;
                    if (begun && closed) {
                        firstVisits[k].add(KaplanMeier.observation(duration, false));
                    } else if (begun) {
                        firstVisits[k].add(KaplanMeier.observation(asOfMillis - entered, true));
                        censored[k]++;
                    }
                    if (mode == TimeMode.FIRST) {
                        contribution[k] = duration;
                    }
                }
                if (closed && mode == TimeMode.CUMULATIVE) {
                    contribution[k] = (contribution[k] == NONE ? 0 : contribution[k]) + duration;
                } else if (closed && mode == TimeMode.LATEST) {
                    contribution[k] = duration;
                }
            }
            for (long bits = deal.visitedPositions(); bits != 0; bits &= bits - 1) {
                int k = Long.numberOfTrailingZeros(bits);
                if (contribution[k] != NONE) {
                    samples[k].add(contribution[k]);
                }
            }
        });

        List<StageTimes> stages = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            Long median = KaplanMeier.medianMillis(firstVisits[k]);
            stages.add(new StageTimes(k, version.key(k), DurationSummary.of(samples[k]), firstVisits[k].size(),
                    censored[k], median == null ? null : median / 1000.0));
        }
        return new TimeInStageReport(version.number(), mode, asOf, selected, List.copyOf(stages));
    }
}
