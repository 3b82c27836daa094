package io.pipelens.query.analytics.comparison;

import io.pipelens.query.analytics.funnel.FunnelAnswer;
import io.pipelens.query.analytics.skipimpact.SkipImpactAnswer;
import io.pipelens.query.analytics.timeinstage.TimeInStageAnswer;

/** One version's funnel, time in stage and skip impact: the GraphQL type {@code VersionAnalytics}. */
public record VersionAnalytics(int version, FunnelAnswer funnel, TimeInStageAnswer timeInStage,
                               SkipImpactAnswer skipImpact) {
}
