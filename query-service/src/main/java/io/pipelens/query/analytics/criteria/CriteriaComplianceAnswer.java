package io.pipelens.query.analytics.criteria;

import io.pipelens.query.analytics.AnswerContext;
import java.util.List;

/** The GraphQL type {@code CriteriaCompliance}. */
public record CriteriaComplianceAnswer(AnswerContext context, List<StageCompliance> stages) {
}
