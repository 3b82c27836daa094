package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The forecast replayed at F_j = asOf − 7j days, j = h … h + J − 1 (DESIGN §10.4): at each, the chain fitted on the 52
 * weeks before F_j predicts the deals open at F_j, and what happened in (F_j, F_j + h weeks] is read from the history
 * as of asOf. Beside it, the baseline: for a deal at stage s, the share won among the deals closed as of F_j that
 * visited s. One pass over the deals reads every state on the weekly grid; the deals open at a date are then scored
 * in groups of one state, which share both probabilities.
 */
public final class ForecastBacktest {

    private ForecastBacktest() {
    }

    /** @param dates J, the number of forecast instants */
    public static BacktestReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals, Instant asOf,
                                         int weeks, int dates) {
        ChainStates states = new ChainStates(version.stageCount());
        int last = weeks + dates - 1 + TrainingPairs.WEEKS_OF_HISTORY;
        TrainingPairs training = new TrainingPairs(states, asOf.toEpochMilli(), weeks, last);
        int stages = version.stageCount();
        long[][] openIn = new long[dates][states.open()];
        long[][] wonFrom = new long[dates][states.open()];
        long[][] closedVisited = new long[dates][stages + 1];
        long[][] wonVisited = new long[dates][stages + 1];
        long horizon = weeks * TrainingPairs.WEEK;
        int[] grid = new int[last - weeks + 1];
        for (VersionedJourney deal : deals) {
            if (deal == null || !training.add(deal, grid)) {
                continue;
            }
            for (int i = 0; i < dates; i++) {
                int state = grid[i];
                long at = training.instant(weeks + i);
                if (state == ChainStates.NONE) {
                    break;
                }
                if (state == ChainStates.NO_STAGE) {
                    // open in no stage of the version: no state in the chain, so neither predicted nor observed
                    continue;
                }
                if (state < states.open()) {
                    openIn[i][state]++;
                    if (deal.wonIn(at, at + horizon)) {
                        wonFrom[i][state]++;
                    }
                } else {
                    countVisited(deal, at, closedVisited[i]);
                    if (state == states.won()) {
                        countVisited(deal, at, wonVisited[i]);
                    }
                }
            }
        }

        Calibration model = new Calibration();
        Calibration baseline = new Calibration();
        List<BacktestDate> results = new ArrayList<>(dates);
        long open = 0;
        long scored = 0;
        for (int i = 0; i < dates; i++) {
            ForecastChain chain = ForecastChain.fit(states, training.countsBefore(weeks + i), weeks);
            Date date = new Date();
            for (int a = 0; a < states.open(); a++) {
                open += openIn[i][a];
                long visitedThere = closedVisited[i][ChainStates.position(a)];
                Double p = chain.winWithin(a);
                if (openIn[i][a] == 0 || p == null || visitedThere == 0) {
                    continue;
                }
                double pb = (double) wonVisited[i][ChainStates.position(a)] / visitedThere;
                model.add(p, openIn[i][a], wonFrom[i][a]);
                baseline.add(pb, openIn[i][a], wonFrom[i][a]);
                date.add(p, pb, (int) openIn[i][a], (int) wonFrom[i][a]);
            }
            scored += date.predictions;
            BacktestDate result = date.result(Instant.ofEpochMilli(training.instant(weeks + i)));
            if (date.predictions > 0) {
                model.addDate(result.interval80().contains(result.actualWins()));
                baseline.addDate(result.baselineInterval80().contains(result.actualWins()));
            }
            results.add(result);
        }
        return new BacktestReport(version.number(), asOf, weeks, List.copyOf(results), open, scored, model.scores(),
                baseline.scores());
    }

    /** Counts each stage the deal visited by {@code at} once: none when it was in no stage until then. */
    private static void countVisited(VersionedJourney deal, long at, long[] counts) {
        if (deal.inStageFrom() > at) {
            return;
        }
        long seen = 0;
        for (int v = 0; v < deal.visitCount() && deal.enteredAt(v) <= at; v++) {
            seen |= 1L << deal.stageAt(v);
        }
        for (int position = 1; position < counts.length; position++) {
            if ((seen >>> position & 1L) != 0) {
                counts[position]++;
            }
        }
    }

    /** One date's scored deals: their wins and both distributions of the number of wins. */
    private static final class Date {
        int predictions;
        int won;
        double expected;
        double baselineExpected;
        final PoissonBinomial wins = new PoissonBinomial();
        final PoissonBinomial baselineWins = new PoissonBinomial();

        void add(double p, double pb, int count, int wonCount) {
            predictions += count;
            won += wonCount;
            expected += p * count;
            baselineExpected += pb * count;
            wins.add(p, count);
            baselineWins.add(pb, count);
        }

        BacktestDate result(Instant at) {
            return new BacktestDate(at, predictions, won, expected,
                    new WinCountInterval(wins.quantile(Forecast.LOWER_LEVEL), wins.quantile(Forecast.UPPER_LEVEL)),
                    baselineExpected, new WinCountInterval(baselineWins.quantile(Forecast.LOWER_LEVEL),
                    baselineWins.quantile(Forecast.UPPER_LEVEL)));
        }
    }
}
