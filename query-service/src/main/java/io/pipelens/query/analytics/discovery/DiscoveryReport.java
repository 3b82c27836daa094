package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Instant;
import java.util.List;

/**
 * What stage discovery found (DESIGN §9.3).
 *
 * @param sampleSize    deals in the sample: the basis' most recently closed deals, at most {@code last}
 * @param firstClosedAt the earliest close in the sample; null when the sample is empty
 * @param lastClosedAt  the latest close in the sample; null when the sample is empty
 * @param steps         every raw step of the sample: the proposed ones in the proposed order, then the others by key
 * @param lostDeals     lost deals closed between firstClosedAt and lastClosedAt, both included
 * @param draft         the proposed steps as stages, key and name
 */
public record DiscoveryReport(int sampleSize, int sampleWon, int sampleLost, Instant firstClosedAt,
                              Instant lastClosedAt, List<DiscoveredStep> steps, List<String> proposedOrder,
                              List<StepPrecedence> precedence, List<OrderConflict> conflicts, int lostDeals,
                              List<LostStep> lostComparison, List<StageDefinition> draft) {
}
