package io.pipelens.query.analytics.trend;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnswerContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Trends (DESIGN §10.2) over GraphQL ({@code analytics/trend.graphqls}). */
@Controller
public class TrendQueries {

    /** Five years of weeks: each period is two passes over the deals. */
    static final int MAX_PERIODS = 261;

    @QueryMapping
    public TrendAnswer trend(AnalyticsRequest request, @Argument Instant from, @Argument Instant to,
                             @Argument TrendInterval interval) {
        Instant start = from.truncatedTo(ChronoUnit.MILLIS);
        Instant end = to.truncatedTo(ChronoUnit.MILLIS);
        if (!start.isBefore(end)) {
            throw new ViolationException("from", "must be before to: from " + start + ", to " + end);
        }
        // A lower bound on the periods, read before they are built, so that a span of centuries is refused at once.
        long fewest = Duration.between(start, end).toDays() / (interval == TrendInterval.WEEK ? 7 : 31);
        if (fewest > MAX_PERIODS) {
            throw tooMany("at least " + fewest, interval);
        }
        int periods = Trend.periods(start, end, interval).size();
        if (periods > MAX_PERIODS) {
            throw tooMany(String.valueOf(periods), interval);
        }
        TrendReport report = Trend.compute(request.version(), request.deals(), request.slice(), start, end,
                interval);
        return new TrendAnswer(request.context(report.deals()), report.interval(), start, end, report.periods());
    }

    private static ViolationException tooMany(String periods, TrendInterval interval) {
        return new ViolationException("to", "[from, to) spans " + periods + " " + interval.name().toLowerCase()
                + "s; at most " + MAX_PERIODS + " periods are answered at once");
    }

    /** The trend as GraphQL gives it. */
    public record TrendAnswer(AnswerContext context, TrendInterval interval,
                              Instant from, Instant to, List<TrendPeriod> periods) {
    }
}
