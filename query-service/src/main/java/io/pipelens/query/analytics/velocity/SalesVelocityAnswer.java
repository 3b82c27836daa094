package io.pipelens.query.analytics.velocity;

import io.pipelens.query.analytics.AnswerContext;
import java.util.List;

/** The GraphQL type {@code SalesVelocity}. */
public record SalesVelocityAnswer(AnswerContext context, List<CurrencyVelocity> currencies) {
}
