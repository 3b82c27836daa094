package io.pipelens.query.analytics.forecast;

import java.util.Arrays;

/**
 * The distribution of the number of successes among independent trials with their own probabilities, by the exact
 * recurrence P_{m}(x) = P_{m−1}(x)(1 − p_m) + P_{m−1}(x − 1)p_m. Neither Commons Statistics nor Commons Math offers
 * it. The recurrence is kept over the counts whose probability is at least {@link Double#MIN_NORMAL} (2.2e-308), a
 * band a few hundred standard deviations wide, so it costs about n × that band rather than n², and no figure it
 * answers changes.
 */
final class PoissonBinomial {

    private double[] mass = new double[16];
    private int low;
    private int high;
    private int trials;

    PoissonBinomial() {
        mass[0] = 1;
    }

    /** Adds {@code count} trials of probability {@code p}. */
    void add(double p, int count) {
        for (int i = 0; i < count; i++) {
            add(p);
        }
    }

    void add(double p) {
        trials++;
        if (high + 1 >= mass.length) {
            mass = Arrays.copyOf(mass, 2 * mass.length);
        }
        double q = 1 - p;
        mass[high + 1] = 0;
        for (int x = high + 1; x > low; x--) {
            mass[x] = mass[x] * q + mass[x - 1] * p;
        }
        mass[low] *= q;
        high++;
        while (high > low && mass[high] < Double.MIN_NORMAL) {
            mass[high--] = 0;
        }
        while (low < high && mass[low] < Double.MIN_NORMAL) {
            mass[low++] = 0;
        }
    }

    int trials() {
        return trials;
    }

    /** P(X = x). */
    double probability(int x) {
        return x < low || x > high ? 0 : mass[x];
    }

    /** The smallest x with P(X ≤ x) ≥ {@code level}. */
    int quantile(double level) {
        double cumulative = 0;
        for (int x = low; x < high; x++) {
            cumulative += mass[x];
            if (cumulative >= level) {
                return x;
            }
        }
        return high;
    }
}
