package io.pipelens.query.analytics.bottlenecks;

/**
 * The load on one stage as of a time t. See docs/metrics.md for every definition.
 *
 * @param wip                   deals whose visit to this stage contains t (entered ≤ t, not exited by t)
 * @param medianAgeSeconds      median of t − enteredAt over those visits; null when wip is 0
 * @param p90AgeSeconds         nearest-rank p90 of the same ages; null when wip is 0
 * @param stuckThresholdSeconds the stage's expected days, or else the p90 of cumulative time in stage over visits
 *                              closed by t; null when the stage sets none and no such visit exists
 * @param thresholdFromExpectedDays true when the threshold is the stage's expected days
 * @param stuck                 visits of {@code wip} whose age is above the threshold (0 without a threshold)
 * @param exits                 visits to this stage that ended within the window (t − window, t]
 * @param expectedWaitDays      Little's law: wip ÷ (exits ÷ window days); null when there were no exits
 */
public record StageLoad(int position, String key, int wip, Double medianAgeSeconds, Double p90AgeSeconds,
                        Double stuckThresholdSeconds, boolean thresholdFromExpectedDays, int stuck, int exits,
                        Double expectedWaitDays) {
}
