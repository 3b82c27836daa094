package io.pipelens.query.analytics.trend;

/**
 * One stage in one period of a trend.
 *
 * @param wip                  open deals whose current visit is at the stage as of the period's end (events at
 *                             exactly the end included)
 * @param deals                deals with a visit to the stage that ended in the period
 * @param medianSecondsInStage the median (§7: mean of the two middle values for an even count) over those deals of
 *                             each one's total time in its visits to the stage that ended before the period's end;
 *                             null when none
 */
public record TrendStage(int position, String key, int wip, int deals, Double medianSecondsInStage) {
}
