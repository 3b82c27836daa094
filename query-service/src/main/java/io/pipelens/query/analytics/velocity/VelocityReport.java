package io.pipelens.query.analytics.velocity;

import java.util.List;

/**
 * Sales velocity per currency, currencies in alphabetical order; deals without a currency are in no currency.
 *
 * @param deals deals selected by the population and slice
 */
public record VelocityReport(int version, int deals, List<CurrencyVelocity> currencies) {
}
