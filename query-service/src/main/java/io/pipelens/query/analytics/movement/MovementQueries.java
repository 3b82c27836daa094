package io.pipelens.query.analytics.movement;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Pipeline movement between two instants (DESIGN §10.3) over GraphQL ({@code analytics/movement.graphqls}). */
@Controller
public class MovementQueries {

    @QueryMapping
    public MovementAnswer movement(AnalyticsRequest request, @Argument Instant from, @Argument Instant to) {
        Instant t0 = from.truncatedTo(ChronoUnit.MILLIS);
        Instant t1 = to.truncatedTo(ChronoUnit.MILLIS);
        if (!t0.isBefore(t1)) {
            throw new ViolationException("from", "must be before to (" + t1 + "), was " + t0);
        }
        // the answer is as of t1: population, filter and the context read the deals as they stood then
        AnalyticsRequest atEnd = new AnalyticsRequest(request.pipelineId(), request.selected(), request.population(),
                request.slice(), request.replay(), t1);
        MovementReport report = Movement.compute(atEnd.version(), atEnd.deals(), atEnd.population(), atEnd.slice(),
                t0, t1);
        return new MovementAnswer(atEnd.context(report.deals()), report.from(), report.to(), report.stages(),
                report.currencies(), report.slippage());
    }
}
