package io.pipelens.query.analytics.changeimpact;

/**
 * The mean won amount in one currency.
 *
 * @param currency      the currency; null for amounts recorded without one, which are a currency of their own
 * @param wonDeals      won deals with an amount in the currency
 * @param averageAmount their mean amount
 */
public record CurrencyAmount(String currency, int wonDeals, double averageAmount) {
}
