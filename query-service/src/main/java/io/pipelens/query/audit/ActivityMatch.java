package io.pipelens.query.audit;

/**
 * A stage named after a seller activity.
 *
 * @param activity the activity, in English ({@code call}, {@code proposal})
 * @param evidence where it is written
 */
public record ActivityMatch(String activity, Evidence evidence) {
}
