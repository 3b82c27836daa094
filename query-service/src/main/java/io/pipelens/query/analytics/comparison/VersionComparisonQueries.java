package io.pipelens.query.analytics.comparison;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import io.pipelens.query.analytics.funnel.FunnelPolicy;
import io.pipelens.query.analytics.funnel.FunnelQueries;
import io.pipelens.query.analytics.skipimpact.AdjustFor;
import io.pipelens.query.analytics.skipimpact.SkipImpactQueries;
import io.pipelens.query.analytics.timeinstage.TimeInStageQueries;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Two versions of a pipeline side by side over GraphQL ({@code analytics/comparison.graphqls}): each side is the
 * funnel, time in stage and skip impact the other queries give for that version, as of one time.
 */
@Controller
public class VersionComparisonQueries {

    private final FunnelQueries funnel;
    private final TimeInStageQueries timeInStage;
    private final SkipImpactQueries skipImpact;
    private final AnalyticsRequests requests;
    private final Clock clock;

    public VersionComparisonQueries(FunnelQueries funnel, TimeInStageQueries timeInStage,
                                    SkipImpactQueries skipImpact, AnalyticsRequests requests, Clock clock) {
        this.funnel = funnel;
        this.timeInStage = timeInStage;
        this.skipImpact = skipImpact;
        this.requests = requests;
        this.clock = clock;
    }

    @QueryMapping
    public VersionComparison compareVersions(@Argument String pipelineId, @Argument int a, @Argument int b,
                                             @Argument PopulationInput population, @Argument SliceInput filter,
                                             @Argument FunnelPolicy policy, @Argument TimeMode mode,
                                             @Argument Instant asOf, @Argument List<AdjustFor> adjustFor) {
        Instant at = asOf == null ? clock.instant() : asOf;
        return new VersionComparison(
                compared("a", pipelineId, a, population, filter, policy, mode, at, adjustFor),
                compared("b", pipelineId, b, population, filter, policy, mode, at, adjustFor));
    }

    /** One side of a comparison; a refused version is named by its argument, {@code a} or {@code b}. */
    private VersionAnalytics compared(String argument, String pipelineId, int version, PopulationInput population,
                                      SliceInput filter, FunnelPolicy policy, TimeMode mode, Instant asOf,
                                      List<AdjustFor> adjustFor) {
        try {
            AnalyticsRequest request = requests.request(pipelineId, version, population, filter, asOf);
            return new VersionAnalytics(version, funnel.funnel(request, policy),
                    timeInStage.timeInStage(request, mode), skipImpact.skipImpact(request, adjustFor));
        } catch (ViolationException e) {
            throw new ViolationException(e.violations().stream()
                    .map(v -> v.field().equals("version") ? new Violation(argument, v.reason()) : v)
                    .toList());
        }
    }
}
