package io.pipelens.query.analytics.criteria;

import java.util.List;

/**
 * Criteria impact for every stage of one pipeline version.
 *
 * @param deals       deals selected by the population and slice
 * @param closedDeals of those, deals won or lost
 */
public record ImpactReport(int version, int deals, int closedDeals, List<StageCriteriaImpact> stages) {
}
