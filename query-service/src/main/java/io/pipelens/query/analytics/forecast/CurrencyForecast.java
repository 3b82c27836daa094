package io.pipelens.query.analytics.forecast;

/**
 * Expected won amount in one currency over the horizon.
 *
 * @param currency       null for amounts recorded without one, a currency of their own
 * @param deals          open deals with an amount in it and a known probability
 * @param openAmount     their amount
 * @param expectedAmount Σ P(won within the horizon) × amount over them
 */
public record CurrencyForecast(String currency, int deals, double openAmount, double expectedAmount) {

    static final class Sum {
        private int deals;
        private double amount;
        private double expected;

        void add(double dealAmount, double probability) {
            deals++;
            amount += dealAmount;
            expected += probability * dealAmount;
        }

        CurrencyForecast toForecast(String currency) {
            return new CurrencyForecast(currency, deals, amount, expected);
        }
    }
}
