package io.pipelens.query.analytics.forecast;

import java.time.Instant;
import java.util.List;

/**
 * A backtest of the forecast over h weeks at the instants F_j = asOf − 7j days, j = h … h + J − 1 (DESIGN §10.4).
 *
 * @param openAtDates    deals open at the F_j, summed over the dates
 * @param scored         of them, those with both a model and a baseline probability: what the scores are over
 * @param model          the chain's scores; null when nothing was scored
 * @param baseline       the scores of the baseline (the share of the deals closed as of F_j that visited the deal's
 *                       stage and were won); null likewise
 */
public record BacktestReport(int version, Instant asOf, int weeks, List<BacktestDate> dates, long openAtDates,
                             long scored, BacktestScores model, BacktestScores baseline) {
}
