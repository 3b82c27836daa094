package io.pipelens.query.analytics.forecast;

/**
 * One deal open at the forecast instant.
 *
 * @param ageDays          age of its current visit, in days
 * @param winWithinHorizon P(won within the horizon | its state); null when its state's probabilities are unknown
 * @param eventualWin      P(eventually won | its state); null likewise
 */
public record DealForecast(String dealId, String stage, AgeBand ageBand, double ageDays, Double winWithinHorizon,
                           Double eventualWin) {
}
