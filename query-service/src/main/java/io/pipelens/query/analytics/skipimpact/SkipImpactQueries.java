package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
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
        boolean adjusted = adjustFor != null && !adjustFor.isEmpty();
        Iterable<VersionedJourney> deals = adjusted ? held(request.deals()) : request.deals();
        SkipImpactReport report = SkipImpact.compute(request.version(), deals, request.population(), request.slice());
        AnswerContext context = request.context(report.deals());
        if (!adjusted) {
            return SkipImpactAnswer.crude(context, report);
        }
        return SkipImpactAnswer.adjusted(context, report, AdjustedSkipImpact.compute(request.version(), deals,
                request.population(), request.slice(), adjustFor));
    }

    /** The deals in a list, so that both computations read the same deals and each is cut to asOf once. */
    private static List<VersionedJourney> held(Iterable<VersionedJourney> deals) {
        List<VersionedJourney> held = new ArrayList<>();
        deals.forEach(held::add);
        return held;
    }
}
