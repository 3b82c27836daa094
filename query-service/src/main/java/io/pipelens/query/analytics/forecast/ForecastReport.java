package io.pipelens.query.analytics.forecast;

import java.time.Instant;
import java.util.List;

/**
 * A forecast over {@code weeks} weeks from {@code at} (DESIGN §10.4).
 *
 * @param trainingPairs          pairs the chain was fitted on
 * @param openDeals              deals open at {@code at}
 * @param dealsWithProbability   of them, those whose state's probabilities are known
 * @param expectedWins           Σ P(won within the horizon) over those
 * @param expectedWinsByWeek     expected wins in each week of the horizon: week k is (F + 7(k − 1), F + 7k days]
 * @param winsInterval80         the 80% interval of their number of wins
 */
public record ForecastReport(int version, Instant at, int weeks, long trainingPairs, int openDeals,
                             int dealsWithProbability, double expectedWins, List<Double> expectedWinsByWeek,
                             WinCountInterval winsInterval80,
                             List<CurrencyForecast> amounts, List<StateForecast> states, List<DealForecast> deals) {
}
