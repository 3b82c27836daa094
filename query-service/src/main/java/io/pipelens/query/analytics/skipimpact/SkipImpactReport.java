package io.pipelens.query.analytics.skipimpact;

import java.util.List;

/**
 * Skip impact for every stage of one pipeline version.
 *
 * @param deals       deals selected by the population and slice
 * @param closedDeals of those, deals won or lost
 */
public record SkipImpactReport(int version, int deals, int closedDeals, List<StageSkipImpact> stages) {
}
