package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.AnswerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The GraphQL type {@code SkipImpact}.
 *
 * @param adjustFor the attributes the {@code adjusted} figures stratify by, without repetition and in {@link AdjustFor}
 *                  order; empty when none was asked for (and every stage's {@code adjusted} is null)
 */
public record SkipImpactAnswer(AnswerContext context, List<AdjustFor> adjustFor, int closedDeals,
                               List<StageSkipImpact> stages) {

    /** The crude answer alone. */
    static SkipImpactAnswer crude(AnswerContext context, SkipImpactReport report) {
        return new SkipImpactAnswer(context, List.of(), report.closedDeals(), report.stages());
    }

    /** The crude answer with each stage's adjusted figures beside it; both reports are over the same deals. */
    static SkipImpactAnswer adjusted(AnswerContext context, SkipImpactReport report,
                                     AdjustedSkipImpactReport adjusted) {
        List<StageSkipImpact> stages = new ArrayList<>(report.stages().size());
        for (int k = 0; k < report.stages().size(); k++) {
            stages.add(report.stages().get(k).withAdjusted(adjusted.stages().get(k)));
        }
        return new SkipImpactAnswer(context, adjusted.adjustFor(), report.closedDeals(), List.copyOf(stages));
    }
}
