package io.pipelens.query.analytics.velocity;

import io.pipelens.query.analytics.AnalyticsRequest;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Sales velocity (DESIGN §7) over GraphQL ({@code analytics/velocity.graphqls}). */
@Controller
public class SalesVelocityQueries {

    @QueryMapping
    public SalesVelocityAnswer salesVelocity(AnalyticsRequest request) {
        VelocityReport report = SalesVelocity.compute(request.version(), request.deals(), request.population(), request.slice());
        return new SalesVelocityAnswer(request.context(report.deals()), report.currencies());
    }
}
