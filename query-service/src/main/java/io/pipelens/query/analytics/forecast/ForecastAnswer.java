package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.AnswerContext;
import java.time.Instant;
import java.util.List;

/** The GraphQL type {@code Forecast}. */
public record ForecastAnswer(AnswerContext context, Instant at, int weeks, long trainingPairs, int openDeals,
                             int dealsWithProbability, double expectedWins, List<Double> expectedWinsByWeek,
                             WinCountInterval winsInterval80,
                             List<CurrencyForecast> amounts, List<StateForecast> states, List<DealForecast> deals) {

    static ForecastAnswer of(AnswerContext context, ForecastReport report) {
        return new ForecastAnswer(context, report.at(), report.weeks(), report.trainingPairs(), report.openDeals(),
                report.dealsWithProbability(), report.expectedWins(), report.expectedWinsByWeek(), report.winsInterval80(), report.amounts(),
                report.states(), report.deals());
    }
}
