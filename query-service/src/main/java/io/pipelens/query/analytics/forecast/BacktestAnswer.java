package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.AnswerContext;
import java.util.List;

/** The GraphQL type {@code ForecastBacktest}. */
public record BacktestAnswer(AnswerContext context, int weeks, List<BacktestDate> dates, long openAtDates,
                             long scored, BacktestScores model, BacktestScores baseline) {

    static BacktestAnswer of(AnswerContext context, BacktestReport report) {
        return new BacktestAnswer(context, report.weeks(), report.dates(), report.openAtDates(), report.scored(),
                report.model(), report.baseline());
    }
}
