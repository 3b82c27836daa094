package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnswerContext;
import java.util.List;

/** The GraphQL type {@code SkipImpact}. */
public record SkipImpactAnswer(AnswerContext context, int closedDeals, List<StageSkipImpact> stages) {
}
