package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticsRequest;
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

    /** @param adjustFor the attributes to adjust for; null or empty for the crude figures alone */
    @QueryMapping
    public SkipImpactAnswer skipImpact(AnalyticsRequest request, @Argument List<AdjustFor> adjustFor) {
        if (adjustFor == null || adjustFor.isEmpty()) {
            SkipImpactReport report = SkipImpact.compute(request.version(), request.deals(), request.population(),
                    request.slice());
            return SkipImpactAnswer.crude(request.context(report.deals()), report);
        }
        AdjustedSkipImpact.Both both = AdjustedSkipImpact.withCrude(request.version(), request.deals(),
                request.population(), request.slice(), adjustFor);
        return SkipImpactAnswer.adjusted(request.context(both.crude().deals()), both.crude(), both.adjusted());
    }
}
