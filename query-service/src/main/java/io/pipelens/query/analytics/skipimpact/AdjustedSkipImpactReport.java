package io.pipelens.query.analytics.skipimpact;

import java.util.List;

/**
 * Adjusted skip impact for every stage of one pipeline version.
 *
 * @param adjustFor   the attributes stratified by, in {@link AdjustFor} order
 * @param deals       deals selected by the population and slice (the amount bands' population)
 * @param closedDeals of those, deals won or lost
 */
public record AdjustedSkipImpactReport(int version, List<AdjustFor> adjustFor, int deals, int closedDeals,
                                       List<AdjustedStageSkipImpact> stages) {
}
