package io.pipelens.query.analytics.velocity;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sales velocity per currency (DESIGN §7), in one pass over the deals. */
public final class SalesVelocity {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private SalesVelocity() {
    }

    /** The sales velocity of the index's deals under the index's version. */
    public static VelocityReport compute(AnalyticIndex index, Population population, Slice slice) {
        return compute(index.version(), index.deals(), population, slice);
    }

    public static VelocityReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                         Population population, Slice slice) {
        Map<String, Tally> byCurrency = new TreeMap<>();
        int selected = Selection.forEach(deals, population, slice, deal -> {
            if (deal.currency() == null) {
                return;
            }
            Tally tally = byCurrency.computeIfAbsent(deal.currency(), c -> new Tally());
            switch (deal.outcome()) {
                case OPEN -> tally.open++;
                case LOST -> tally.lost++;
                case WON -> {
                    tally.won++;
                    tally.millisToWin += deal.closedAt() - deal.openedAt();
                    if (deal.hasAmount()) {
                        tally.amounts++;
                        tally.amountSum = tally.amountSum.add(new BigDecimal(deal.amount()));
                    }
                }
            }
        });
        List<CurrencyVelocity> currencies = new ArrayList<>(byCurrency.size());
        byCurrency.forEach((currency, tally) -> currencies.add(tally.velocity(currency)));
        return new VelocityReport(version.number(), selected, List.copyOf(currencies));
    }

    private static final class Tally {
        int open;
        int won;
        int lost;
        int amounts;
        /**
         * Exact, so that the average does not depend on the order the deals are met in (a double sum does: deals
         * projected in another order, after a restart or a replay, gave an average one ulp away).
         */
        BigDecimal amountSum = BigDecimal.ZERO;
        long millisToWin;

        CurrencyVelocity velocity(String currency) {
            Double averageWon = Ratios.ratio(amountSum.doubleValue(), amounts);
            Double winRate = Ratios.ratio(won, won + lost);
            Double averageDays = won == 0 ? null : millisToWin / MILLIS_PER_DAY / won;
            Double velocity = averageWon == null || winRate == null || averageDays == null || averageDays == 0 ? null
                    : open * averageWon * winRate / averageDays;
            return new CurrencyVelocity(currency, open, won, lost, averageWon, winRate, averageDays, velocity);
        }
    }
}
