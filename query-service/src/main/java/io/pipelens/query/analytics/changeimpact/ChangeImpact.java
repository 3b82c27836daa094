package io.pipelens.query.analytics.changeimpact;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DurationSummary;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.NewcombeInterval;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Did the change at T work? (DESIGN §9.4.) The deals opened in [T − W, T) and in [T, T + W) that have full follow-up
 * (opening + H ≤ asOf), each read as it stood at its opening + H, inclusive: won, lost or still open then. Reopenings
 * count: a deal won, reopened and lost again by then is lost. One pass over the deals.
 */
public final class ChangeImpact {

    static final long MILLIS_PER_DAY = 86_400_000L;
    private static final FisherExactTest FISHER = FisherExactTest.withDefaults();

    private ChangeImpact() {
    }

    /**
     * @param at          the time of the change, T
     * @param horizonDays H, in days
     * @param windowDays  W, in days
     * @param asOf        A: the answer uses the history up to it alone
     */
    public static ChangeImpactReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals, Slice slice,
                                             Instant at, int horizonDays, int windowDays, Instant asOf) {
        long t = at.toEpochMilli();
        long horizon = horizonDays * MILLIS_PER_DAY;
        long window = windowDays * MILLIS_PER_DAY;
        long asOfMillis = asOf.toEpochMilli();
        Tally before = new Tally(t - window, t);
        Tally after = new Tally(t, t + window);
        Selection.forEach(deals, Population.ALL, slice, deal -> {
            long opened = deal.openedAt();
            Tally cohort = opened < t ? before : after;
            if (opened < cohort.from || opened >= cohort.to || opened > asOfMillis) {
                return;
            }
            if (opened + horizon > asOfMillis) {
                cohort.leftOut++;
            } else {
                cohort.add(deal, opened + horizon);
            }
        });
        Cohort beforeCohort = before.cohort();
        Cohort afterCohort = after.cohort();
        boolean comparable = before.deals > 0 && after.deals > 0;
        Interval difference = NewcombeInterval.of(after.won, after.deals, before.won, before.deals);
        Double p = comparable ? FISHER.test(new int[][] {
                {after.won, after.deals - after.won}, {before.won, before.deals - before.won}}).getPValue() : null;
        return new ChangeImpactReport(version.number(), at, horizonDays, windowDays, before.deals + after.deals,
                beforeCohort, afterCohort, comparable ? afterCohort.winRate() - beforeCohort.winRate() : null,
                difference, p);
    }

    private static final class Tally {
        final long from;
        final long to;
        int deals;
        int leftOut;
        int won;
        int lost;
        final LongList millisToWin = new LongList();
        final Map<String, Amounts> amounts = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));

        Tally(long from, long to) {
            this.from = from;
            this.to = to;
        }

        void add(VersionedJourney deal, long end) {
            deals++;
            Outcome outcome = deal.outcomeAt(end);
            if (outcome == Outcome.LOST) {
                lost++;
            } else if (outcome == Outcome.WON) {
                won++;
                millisToWin.add(deal.closingAt(end) - deal.openedAt());
                if (deal.hasAmount()) {
                    amounts.computeIfAbsent(deal.currency(), c -> new Amounts()).add(deal.amount());
                }
            }
        }

        Cohort cohort() {
            int count = millisToWin.size();
            Double median = count == 0 ? null
                    : DurationSummary.medianMillis(millisToWin.sorted(), count) / MILLIS_PER_DAY;
            List<CurrencyAmount> averages = new ArrayList<>(amounts.size());
            amounts.forEach((currency, sum) -> averages.add(sum.average(currency)));
            return new Cohort(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), deals, leftOut, won, lost,
                    deals - won - lost, Ratios.ratio(won, deals), median, List.copyOf(averages));
        }
    }

    /** Exact, so that the average does not depend on the order the deals are met in. */
    private static final class Amounts {
        int count;
        BigDecimal sum = BigDecimal.ZERO;

        void add(double amount) {
            count++;
            sum = sum.add(new BigDecimal(amount));
        }

        CurrencyAmount average(String currency) {
            return new CurrencyAmount(currency, count,
                    sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue());
        }
    }
}
