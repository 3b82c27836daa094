package io.pipelens.query.analytics.forecast;

/**
 * One open state of the fitted chain.
 *
 * @param trainingPairs    n(a): training pairs that start in it
 * @param pooled           true when n(a) &lt; 10, so its transitions are its stage's pooled over all ages
 * @param openDeals        deals in it at the forecast instant
 * @param winWithinHorizon P(won within the horizon); null when unknown (no fitted row, or one reachable)
 * @param eventualWin      P(eventually won); null likewise
 */
public record StateForecast(String stage, AgeBand ageBand, long trainingPairs, boolean pooled, int openDeals,
                            Double winWithinHorizon, Double eventualWin) {
}
