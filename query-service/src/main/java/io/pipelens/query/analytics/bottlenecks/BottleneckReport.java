package io.pipelens.query.analytics.bottlenecks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stage loads as of a time, and the bottleneck: the stage with the largest expected wait.
 *
 * @param deals              deals selected by the population and slice
 * @param bottleneckPosition position of the bottleneck, or null when no stage has work in progress
 * @param bottleneckKey      its key, or null
 */
public record BottleneckReport(int version, Instant asOf, Duration window, int deals, List<StageLoad> stages,
                               Integer bottleneckPosition, String bottleneckKey) {
}
