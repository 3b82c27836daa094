package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.DurationSummary;

/**
 * Time in one stage.
 *
 * @param durations                the deals' times in stage, per the report's {@link TimeMode}
 * @param firstVisits              deals with a first visit to the stage that begins at or before asOf (the
 *                                 Kaplan–Meier sample)
 * @param censored                 of those, first visits still open (censored at as-of time − enteredAt)
 * @param kaplanMeierMedianSeconds smallest event time with S(t) ≤ 0.5, or null when S stays above one half
 */
public record StageTimes(int position, String key, DurationSummary durations, int firstVisits, int censored,
                         Double kaplanMeierMedianSeconds) {
}
