package io.pipelens.query.analytics.bottlenecks;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import java.time.Duration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Stage loads and the bottleneck (DESIGN §7) over GraphQL ({@code analytics/bottlenecks.graphqls}). */
@Controller
public class BottleneckQueries {

    static final int MAX_WINDOW_DAYS = 3660;

    @QueryMapping
    public BottlenecksAnswer bottlenecks(AnalyticsRequest request, @Argument int windowDays) {
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new ViolationException("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS + ", was "
                    + windowDays);
        }
        BottleneckReport report = Bottlenecks.compute(request.version(), request.deals(), request.population(), request.slice(),
                request.asOf(), Duration.ofDays(windowDays));
        return new BottlenecksAnswer(request.context(report.deals()), report.asOf(),
                report.window().toMillis() / 86_400_000.0, report.bottleneckKey(), report.stages());
    }
}
