package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The funnel of DESIGN §7 over GraphQL ({@code analytics/funnel.graphqls}): computed on the analytic index of the
 * asked (or newest ready) pipeline version; the answer states the version, population and filter it used and how
 * many deals it covers.
 */
@Controller
public class FunnelQueries {

    private final AnalyticsRequests requests;

    public FunnelQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    @QueryMapping
    public FunnelAnswer funnel(@Argument String pipelineId, @Argument Integer version,
                               @Argument PopulationInput population, @Argument SliceInput filter,
                               @Argument FunnelPolicy policy) {
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, null);
        FunnelReport report = Funnel.compute(request.index(), request.population(), request.slice());
        return new FunnelAnswer(request.context(report.deals()), policy, report.open(), report.won(), report.lost(),
                report.winRate(), report.winRateCi(), report.stages());
    }
}
