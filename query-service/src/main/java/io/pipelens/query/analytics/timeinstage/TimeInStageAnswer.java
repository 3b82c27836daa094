package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.AnswerContext;
import java.time.Instant;
import java.util.List;

/** The GraphQL type {@code TimeInStage}. */
public record TimeInStageAnswer(AnswerContext context, TimeMode mode, Instant asOf, List<StageTimes> stages) {
}
