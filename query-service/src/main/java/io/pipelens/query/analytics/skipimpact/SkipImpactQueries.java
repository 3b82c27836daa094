package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Skip impact (DESIGN §7) over GraphQL ({@code analytics/skipimpact.graphqls}). */
@Controller
public class SkipImpactQueries {

    private final AnalyticsRequests requests;

    public SkipImpactQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    @QueryMapping
    public SkipImpactAnswer skipImpact(@Argument String pipelineId, @Argument Integer version,
                                       @Argument PopulationInput population, @Argument SliceInput filter) {
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, null);
        SkipImpactReport report = SkipImpact.compute(request.index(), request.population(), request.slice());
        return new SkipImpactAnswer(request.context(report.deals()), report.closedDeals(), report.stages());
    }
}
