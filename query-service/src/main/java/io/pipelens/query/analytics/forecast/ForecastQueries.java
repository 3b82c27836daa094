package io.pipelens.query.analytics.forecast;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The forecast and its backtest (DESIGN §10.4) over GraphQL ({@code analytics/forecast.graphqls}). */
@Controller
public class ForecastQueries {

    /** Two years: the chain is fitted on one year of weekly steps, so longer horizons extrapolate past anything seen. */
    static final int MAX_WEEKS = 104;
    /** Five years of weekly forecast instants. */
    static final int MAX_DATES = 260;

    @QueryMapping
    public ForecastAnswer forecast(AnalyticsRequest request, @Argument int weeks) {
        checkWeeks(weeks);
        ForecastReport report = Forecast.compute(request.version(), request.deals(), request.asOf(),
                weeks);
        return ForecastAnswer.of(request.context(report.openDeals()), report);
    }

    @QueryMapping
    public BacktestAnswer forecastBacktest(AnalyticsRequest request, @Argument int weeks, @Argument int dates) {
        checkWeeks(weeks);
        if (dates < 1 || dates > MAX_DATES) {
            throw new ViolationException("dates", "must be between 1 and " + MAX_DATES + ", was " + dates);
        }
        checkHistory(request.index(), request.asOf(), weeks, dates);
        BacktestReport report = ForecastBacktest.compute(request.version(), request.deals(),
                request.asOf(), weeks, dates);
        return BacktestAnswer.of(request.context((int) report.openAtDates()), report);
    }

    private static void checkWeeks(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new ViolationException("weeks", "must be between 1 and " + MAX_WEEKS + ", was " + weeks);
        }
    }

    /**
     * Every forecast instant needs history before it: the earliest, asOf − 7(h + J − 1) days, must come after the
     * first deal's opening as of asOf.
     */
    private static void checkHistory(AnalyticIndex index, Instant asOf, int weeks, int dates) {
        long asOfMillis = asOf.toEpochMilli();
        long firstOpening = Long.MAX_VALUE;
        for (VersionedJourney deal : index.deals()) {
            if (deal != null && deal.openedAt() <= asOfMillis) {
                firstOpening = Math.min(firstOpening, deal.openedAt());
            }
        }
        if (firstOpening == Long.MAX_VALUE) {
            throw new ViolationException("dates", "leave no history: the pipeline has no deal as of " + asOf);
        }
        long earliest = asOfMillis - (long) (weeks + dates - 1) * TrainingPairs.WEEK;
        if (earliest <= firstOpening) {
            long fitting = (asOfMillis - firstOpening - 1) / TrainingPairs.WEEK - weeks + 1;
            throw new ViolationException("dates", dates + " dates leave no history: the earliest forecast instant, "
                    + Instant.ofEpochMilli(earliest) + ", is not after the first deal was opened, at "
                    + Instant.ofEpochMilli(firstOpening) + "; with weeks = " + weeks + " at most "
                    + Math.max(0, fitting) + " dates fit");
        }
    }
}
