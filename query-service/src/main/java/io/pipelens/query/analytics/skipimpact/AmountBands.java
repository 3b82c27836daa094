package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.VersionedJourney;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quartile bands of deal amounts, per currency (DESIGN §9.2). The boundaries Q1, Q2, Q3 are nearest-rank quartiles
 * of the amounts of the given deals in the currency, open deals included: Qj is the value at rank ⌈j·N/4⌉ in
 * ascending order. A deal's band is 1 when its amount is at most Q1, 2 when at most Q2, 3 when at most Q3, else 4.
 * An amount without a currency is banded among the amounts without a currency; a deal without an amount has no band.
 */
final class AmountBands {

    private final Map<String, double[]> boundaries;

    private AmountBands(Map<String, double[]> boundaries) {
        this.boundaries = boundaries;
    }

    static AmountBands of(List<VersionedJourney> deals) {
        Map<String, Amounts> amounts = new HashMap<>();
        for (VersionedJourney deal : deals) {
            if (deal.hasAmount()) {
                amounts.computeIfAbsent(deal.currency(), currency -> new Amounts()).add(deal.amount());
            }
        }
        Map<String, double[]> boundaries = new HashMap<>();
        amounts.forEach((currency, values) -> {
            double[] sorted = Arrays.copyOf(values.values, values.size);
            Arrays.sort(sorted);
            boundaries.put(currency, new double[] {rank(sorted, 1), rank(sorted, 2), rank(sorted, 3)});
        });
        return new AmountBands(boundaries);
    }

    /** The value at rank ⌈quarters·N/4⌉ (from 1) of the ascending {@code sorted}. */
    private static double rank(double[] sorted, int quarters) {
        return sorted[(quarters * sorted.length + 3) / 4 - 1];
    }

    /** The deal's band, 1 to 4, or null when it has no amount. */
    Integer band(VersionedJourney deal) {
        if (!deal.hasAmount()) {
            return null;
        }
        double[] q = boundaries.get(deal.currency());
        int band = 1;
        while (band < 4 && deal.amount() > q[band - 1]) {
            band++;
        }
        return band;
    }

    /** The amounts of one currency, unboxed. */
    private static final class Amounts {

        private double[] values = new double[16];
        private int size;

        void add(double amount) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = amount;
        }
    }
}
