package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What will close in the next h weeks (DESIGN §10.4): the chain fitted on the 52 weeks of training pairs before F,
 * and every deal open at F with its state and win probabilities; expected wins and amounts; the 80% interval of the
 * number of wins from the exact Poisson-binomial distribution over the deals whose probability is known. Amounts are
 * the deals' current ones.
 */
public final class Forecast {

    static final double LOWER_LEVEL = 0.1;
    static final double UPPER_LEVEL = 0.9;
    private static final double DAY = 86_400_000.0;

    private Forecast() {
    }

    /**
     * @param at    F: the forecast uses the history up to it alone
     * @param weeks h, the horizon in weeks
     */
    public static ForecastReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals, Instant at,
                                         int weeks) {
        long f = at.toEpochMilli();
        ChainStates states = new ChainStates(version.stageCount());
        TrainingPairs training = new TrainingPairs(states, f, 0, TrainingPairs.WEEKS_OF_HISTORY);
        int[] grid = new int[TrainingPairs.WEEKS_OF_HISTORY + 1];
        List<VersionedJourney> open = new ArrayList<>();
        for (VersionedJourney deal : deals) {
            // a deal open at F in no stage of the version has no state in the chain, so it is not predicted
            if (deal != null && training.add(deal, grid) && states.isOpen(grid[0])) {
                open.add(deal);
            }
        }
        long[][] counts = training.countsBefore(0);
        ForecastChain chain = ForecastChain.fit(states, counts, weeks);

        int[] openIn = new int[states.open()];
        List<DealForecast> forecasts = new ArrayList<>(open.size());
        Map<String, CurrencyForecast.Sum> amounts = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        PoissonBinomial wins = new PoissonBinomial();
        double expected = 0;
        for (VersionedJourney deal : open) {
            int state = states.stateAt(deal, f);
            openIn[state]++;
            Double within = chain.winWithin(state);
            forecasts.add(new DealForecast(deal.dealId(), version.key(ChainStates.position(state)),
                    AgeBand.of(state), ChainStates.ageAt(deal, f) / DAY, within, chain.eventualWin(state)));
            if (within != null) {
                wins.add(within);
                expected += within;
                if (deal.hasAmount()) {
                    amounts.computeIfAbsent(deal.currency(), c -> new CurrencyForecast.Sum())
                            .add(deal.amount(), within);
                }
            }
        }
        forecasts.sort(Comparator.comparing(DealForecast::dealId));
        List<Double> byWeek = new ArrayList<>(weeks);
        for (int k = 1; k <= weeks; k++) {
            double week = 0;
            for (int a = 0; a < openIn.length; a++) {
                if (openIn[a] > 0 && chain.winWithin(a) != null) {
                    week += openIn[a] * (chain.winWithin(a, k) - (k == 1 ? 0 : chain.winWithin(a, k - 1)));
                }
            }
            byWeek.add(week);
        }
        List<CurrencyForecast> currencies = new ArrayList<>();
        amounts.forEach((currency, sum) -> currencies.add(sum.toForecast(currency)));
        return new ForecastReport(version.number(), at, weeks, TrainingPairs.total(counts), open.size(),
                wins.trials(), expected, List.copyOf(byWeek), new WinCountInterval(wins.quantile(LOWER_LEVEL),
                wins.quantile(UPPER_LEVEL)), List.copyOf(currencies), stateForecasts(version, chain, openIn),
                List.copyOf(forecasts));
    }

    private static List<StateForecast> stateForecasts(AnalyticVersion version, ForecastChain chain, int[] openIn) {
        List<StateForecast> result = new ArrayList<>(openIn.length);
        for (int a = 0; a < openIn.length; a++) {
            result.add(new StateForecast(version.key(ChainStates.position(a)), AgeBand.of(a), chain.pairs(a),
                    chain.pooled(a), openIn[a], chain.winWithin(a), chain.eventualWin(a)));
        }
        return List.copyOf(result);
    }
}
