package io.pipelens.query.analytics.forecast;

import java.time.Instant;

/**
 * One forecast instant F_j of a backtest.
 *
 * @param predictions           deals open at F_j with both a model and a baseline probability
 * @param actualWins            of them, those with a won event in (F_j, F_j + h weeks]
 * @param expectedWins          Σ of the model's probabilities over them
 * @param interval80            the model's 80% interval of their wins
 * @param baselineExpectedWins  Σ of the baseline's probabilities
 * @param baselineInterval80    the baseline's 80% interval
 */
public record BacktestDate(Instant at, int predictions, int actualWins, double expectedWins,
                           WinCountInterval interval80, double baselineExpectedWins,
                           WinCountInterval baselineInterval80) {
}
