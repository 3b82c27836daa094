package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.VersionedJourney;
import java.util.Arrays;
import org.apache.commons.numbers.arrays.Selection;

/**
 * Quartile bands of deal amounts, per currency (DESIGN §9.2). The boundaries Q1, Q2, Q3 are nearest-rank quartiles
 * of the amounts of the given deals in the currency, open deals included: Qj is the value at rank ⌈j·N/4⌉ in
 * ascending order. A deal's band is 1 when its amount is at most Q1, 2 when at most Q2, 3 when at most Q3, else 4.
 * An amount without a currency is banded among the amounts without a currency; a deal without an amount has no band.
 */
final class AmountBands {

    /** The band of a deal without an amount. */
    static final int NONE = 0;

    private final Numbering currencies = new Numbering();
    private int[] currencyOf = new int[64];
    private double[] amounts = new double[64];
    private int size;
    private int[] counts = new int[4];

    /** Keeps the next deal's amount under its currency. */
    void add(VersionedJourney deal) {
        if (size == currencyOf.length) {
            currencyOf = Arrays.copyOf(currencyOf, 2 * size);
            amounts = Arrays.copyOf(amounts, 2 * size);
        }
        int i = size++;
        if (!deal.hasAmount()) {
            currencyOf[i] = -1;
            return;
        }
        int number = currencies.of(deal.currency());
        if (number == counts.length) {
            counts = Arrays.copyOf(counts, 2 * number);
        }
        currencyOf[i] = number;
        amounts[i] = deal.amount();
        counts[number]++;
    }

    /** Each deal's band, 1 to 4, or {@link #NONE}, once every deal is added. */
    int[] bands() {
        double[][] boundaries = boundaries();
        int[] bands = new int[size];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = currencyOf[i] < 0 ? NONE : band(amounts[i], boundaries[currencyOf[i]]);
        }
        return bands;
    }

    /** Per currency number, Q1, Q2 and Q3 of its amounts. */
    private double[][] boundaries() {
        int count = currencies.count();
        double[][] byCurrency = new double[count][];
        for (int c = 0; c < count; c++) {
            byCurrency[c] = new double[counts[c]];
        }
        int[] filled = new int[count];
        for (int i = 0; i < size; i++) {
            int c = currencyOf[i];
            if (c >= 0) {
                byCurrency[c][filled[c]++] = amounts[i];
            }
        }
        double[][] boundaries = new double[count][];
        for (int c = 0; c < count; c++) {
            // the three order statistics alone, by selection: a full sort of every amount costs several times more
            double[] values = byCurrency[c];
            int[] ranks = {rank(values.length, 1), rank(values.length, 2), rank(values.length, 3)};
            Selection.select(values, ranks.clone()); // which may reorder (and deduplicate) the indexes it is given
            boundaries[c] = new double[] {values[ranks[0]], values[ranks[1]], values[ranks[2]]};
        }
        return boundaries;
    }

    /** The index (from 0) of rank ⌈quarters·N/4⌉ (from 1) among {@code n} ascending values. */
    private static int rank(int n, int quarters) {
        return (quarters * n + 3) / 4 - 1;
    }

    private static int band(double amount, double[] q) {
        int band = 1;
        while (band < 4 && amount > q[band - 1]) {
            band++;
        }
        return band;
    }
}
