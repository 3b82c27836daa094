package io.pipelens.query.analytics.movement;

import io.pipelens.query.analytics.AnswerContext;
import java.time.Instant;
import java.util.List;

/** The GraphQL answer of {@code movement}: the report with the context every analytics answer states. */
public record MovementAnswer(AnswerContext context, Instant from, Instant to, List<StageMovement> stages,
                             List<CurrencyMovement> currencies, Slippage slippage) {
}
