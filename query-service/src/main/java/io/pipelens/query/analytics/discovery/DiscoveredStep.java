package io.pipelens.query.analytics.discovery;

import io.pipelens.query.analytics.Interval;

/**
 * One raw step of the sample.
 *
 * @param deals        sample deals containing the step
 * @param coverage     deals ÷ sample size, with its Wilson interval
 * @param meanPosition mean over those deals of (rank − 1) ÷ (L − 1), 0 when L = 1
 * @param position     place in the proposed order, from 1; null when the step is not proposed
 */
public record DiscoveredStep(String key, int deals, double coverage, Interval coverageCi, double meanPosition,
                             Integer position) {
}
