package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Skip impact (DESIGN §7), adjusted for deal attributes when asked (DESIGN §9.2), over GraphQL
 * ({@code analytics/skipimpact.graphqls}).
 */
@Controller
public class SkipImpactQueries {

    private final AnalyticsRequests requests;

    public SkipImpactQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    /** @param adjustFor the attributes to adjust for; null or empty for the crude figures alone */
    @QueryMapping
    public SkipImpactAnswer skipImpact(@Argument String pipelineId, @Argument Integer version,
                                       @Argument PopulationInput population, @Argument SliceInput filter,
                                       @Argument List<AdjustFor> adjustFor) {
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, null);
        SkipImpactReport report = SkipImpact.compute(request.index(), request.population(), request.slice());
        AnswerContext context = request.context(report.deals());
        if (adjustFor == null || adjustFor.isEmpty()) {
            return SkipImpactAnswer.crude(context, report);
        }
        return SkipImpactAnswer.adjusted(context, report, AdjustedSkipImpact.compute(request.index(),
                request.population(), request.slice(), adjustFor));
    }
}
