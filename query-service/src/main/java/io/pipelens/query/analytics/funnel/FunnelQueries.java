package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.AnalyticsRequest;
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

    @QueryMapping
    public FunnelAnswer funnel(AnalyticsRequest request, @Argument FunnelPolicy policy) {
        FunnelReport report = Funnel.compute(request.version(), request.deals(), request.population(), request.slice());
        return new FunnelAnswer(request.context(report.deals()), policy, report.open(), report.won(), report.lost(),
                report.winRate(), report.winRateCi(), report.stages());
    }
}
