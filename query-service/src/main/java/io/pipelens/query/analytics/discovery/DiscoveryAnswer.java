package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.audit.PipelineAuditQueries.AuditAnswer;
import java.time.Instant;
import java.util.List;

/** The GraphQL type {@code StageDiscovery}: the question, what was found (see {@link DiscoveryReport}), the audit. */
public record DiscoveryAnswer(AnswerContext context, int last, DiscoveryBasis basis, String reachedStage,
                              double minCoverage, int sampleSize, int sampleWon, int sampleLost,
                              Instant firstClosedAt, Instant lastClosedAt, List<DiscoveredStep> steps,
                              List<String> proposedOrder, List<StepPrecedence> precedence,
                              List<OrderConflict> conflicts, int lostDeals, List<LostStep> lostComparison,
                              List<StageDefinition> draft, AuditAnswer audit) {

    static DiscoveryAnswer of(AnswerContext context, DiscoveryQuestion question, DiscoveryReport report,
                              AuditAnswer audit) {
        return new DiscoveryAnswer(context, question.last(), question.basis(), question.reachedStage(),
                question.minCoverage(), report.sampleSize(), report.sampleWon(), report.sampleLost(),
                report.firstClosedAt(), report.lastClosedAt(), report.steps(), report.proposedOrder(),
                report.precedence(), report.conflicts(), report.lostDeals(), report.lostComparison(), report.draft(),
                audit);
    }
}
