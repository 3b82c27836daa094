package io.pipelens.query.analytics.criteria;

import io.pipelens.query.analytics.AnswerContext;
import java.util.List;

/**
 * The GraphQL type {@code CriteriaImpact}.
 *
 * @param closedDeals of the selected deals, those won or lost
 */
public record CriteriaImpactAnswer(AnswerContext context, int closedDeals, List<StageCriteriaImpact> stages) {
}
