package io.pipelens.query.analytics.forecast;

/**
 * Predictions with p in [from, to) (the last bin includes 1).
 *
 * @param meanP        their mean probability; null when there are none
 * @param observedRate the share of them that were won; null likewise
 */
public record ReliabilityBin(double from, double to, long count, Double meanP, Double observedRate) {
}
