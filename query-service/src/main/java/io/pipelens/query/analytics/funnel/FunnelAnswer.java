package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.Interval;
import java.util.List;

/** The GraphQL type {@code Funnel}. */
public record FunnelAnswer(AnswerContext context, FunnelPolicy policy, int open, int won, int lost, Double winRate,
                           Interval winRateCi, List<FunnelStage> stages) {
}
