package io.pipelens.query.analytics.trend;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DurationSummary;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Trends (DESIGN §10.2): per calendar period [p, q) overlapping [from, to), each counted whole, the figures read from
 * the deals as they stood at the period's end. Flows and durations read each deal as of q − 1 ms (the events before
 * q), work in progress as of q (the events at q included). The filter reads the attribute values of the same instant.
 * Two passes over the deals per period, each deal cut to the instant ({@link VersionedJourney#asOf(long)}).
 */
public final class Trend {

    private Trend() {
    }

    /**
     * @param deals the deals, already as of the answer's asOf when it is earlier than a period's end
     * @throws IllegalArgumentException when from is not before to
     */
    public static TrendReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals, Slice slice,
                                      Instant from, Instant to, TrendInterval interval) {
        List<long[]> periods = periods(from, to, interval);
        List<TrendPeriod> answered = new ArrayList<>(periods.size());
        int[] existing = {0};
        for (long[] period : periods) {
            answered.add(period(version, deals, slice, period[0], period[1], existing));
        }
        return new TrendReport(version.number(), interval, existing[0], List.copyOf(answered));
    }

    /** The [start, end) bounds, in epoch ms, of the periods that overlap [from, to). */
    public static List<long[]> periods(Instant from, Instant to, TrendInterval interval) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
        List<long[]> periods = new ArrayList<>();
        long end = to.toEpochMilli();
        LocalDate start = interval.startOf(LocalDate.ofInstant(from, ZoneOffset.UTC));
        while (TrendInterval.millis(start) < end) {
            LocalDate next = interval.next(start);
            periods.add(new long[] {TrendInterval.millis(start), TrendInterval.millis(next)});
            start = next;
        }
        return periods;
    }

    private static TrendPeriod period(AnalyticVersion version, Iterable<VersionedJourney> deals, Slice slice,
                                      long start, long end, int[] existing) {
        int n = version.stageCount();
        int[] flows = new int[3];
        LongList[] totals = new LongList[n + 1];
        for (int k = 1; k <= n; k++) {
            totals[k] = new LongList();
        }
        Selection.forEach(VersionedJourney.asOf(deals, end - 1), Population.ALL, slice, deal -> {
            if (deal.openedAt() >= start) {
                flows[0]++;
            }
            if (deal.outcome() != Outcome.OPEN && deal.closedAt() >= start) {
                flows[deal.outcome() == Outcome.WON ? 1 : 2]++;
            }
            long endedInPeriod = 0;
            for (int i = 0; i < deal.visitCount(); i++) {
                long exited = deal.exitedAt(i);
                if (exited != VersionedJourney.OPEN && exited >= start) {
                    endedInPeriod |= 1L << deal.stageAt(i);
                }
            }
            for (long bits = endedInPeriod; bits != 0; bits &= bits - 1) {
                int k = Long.numberOfTrailingZeros(bits);
                long sum = 0;
                for (int i = 0; i < deal.visitCount(); i++) {
                    if (deal.stageAt(i) == k && deal.exitedAt(i) != VersionedJourney.OPEN) {
                        sum += deal.exitedAt(i) - deal.enteredAt(i);
                    }
                }
                totals[k].add(sum);
            }
        });
        int[] wip = new int[n + 1];
        existing[0] = Selection.forEach(VersionedJourney.asOf(deals, end), Population.ALL, slice, deal -> {
            if (deal.outcome() == Outcome.OPEN) {
                wip[deal.lastStage()]++;
            }
        });
        List<TrendStage> stages = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            int count = totals[k].size();
            stages.add(new TrendStage(k, version.key(k), wip[k], count,
                    count == 0 ? null : DurationSummary.medianMillis(totals[k].sorted(), count) / 1000.0));
        }
        return new TrendPeriod(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), flows[0], flows[1], flows[2],
                Ratios.ratio(flows[1], flows[1] + flows[2]), List.copyOf(stages));
    }
}
