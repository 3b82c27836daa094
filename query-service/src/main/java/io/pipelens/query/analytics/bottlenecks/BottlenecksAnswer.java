package io.pipelens.query.analytics.bottlenecks;

import io.pipelens.query.analytics.AnswerContext;
import java.time.Instant;
import java.util.List;

/** The GraphQL type {@code Bottlenecks}. */
public record BottlenecksAnswer(AnswerContext context, Instant asOf, double windowDays, String bottleneck,
                                List<StageLoad> stages) {
}
