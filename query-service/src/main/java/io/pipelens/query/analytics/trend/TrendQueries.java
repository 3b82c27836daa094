package io.pipelens.query.analytics.trend;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnswerContext;
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
        int periods = Trend.periods(start, end, interval).size();
        if (periods > MAX_PERIODS) {
            throw new ViolationException("to", "[from, to) spans " + periods + " " + interval.name().toLowerCase()
                    + "s; at most " + MAX_PERIODS + " periods are answered at once");
        }
        TrendReport report = Trend.compute(request.version(), request.deals(), request.slice(), start, end,
                interval);
        return new TrendAnswer(request.context(report.deals()), report.interval(), start, end, report.periods());
    }

    /** The trend as GraphQL gives it. */
    public record TrendAnswer(AnswerContext context, TrendInterval interval,
                              Instant from, Instant to, List<TrendPeriod> periods) {
    }
}
