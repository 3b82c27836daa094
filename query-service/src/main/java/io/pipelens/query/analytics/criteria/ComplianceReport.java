package io.pipelens.query.analytics.criteria;

import java.util.List;

/**
 * Exit criteria compliance for every stage of one pipeline version.
 *
 * @param deals deals selected by the population and slice
 */
public record ComplianceReport(int version, int deals, List<StageCompliance> stages) {
}
