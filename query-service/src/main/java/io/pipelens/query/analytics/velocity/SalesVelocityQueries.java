package io.pipelens.query.analytics.velocity;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Sales velocity (DESIGN §7) over GraphQL ({@code analytics/velocity.graphqls}). */
@Controller
public class SalesVelocityQueries {

    private final AnalyticsRequests requests;

    public SalesVelocityQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    @QueryMapping
    public SalesVelocityAnswer salesVelocity(@Argument String pipelineId, @Argument Integer version,
                                             @Argument PopulationInput population, @Argument SliceInput filter) {
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, null);
        VelocityReport report = SalesVelocity.compute(request.index(), request.population(), request.slice());
        return new SalesVelocityAnswer(request.context(report.deals()), report.currencies());
    }
}
