package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.LongList;
import java.math.BigInteger;

/**
 * The Kaplan–Meier median of a right-censored sample. S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ), where dᵢ is
 * the number of events at tᵢ and nᵢ the number of observations with time ≥ tᵢ (an observation censored at tᵢ is
 * still at risk at tᵢ: events come before censorings at equal times). The median is the smallest event time with
 * S(t) ≤ 0.5, or none when S never falls that far.
 *
 * <p>S is carried in double precision. Each factor and each product is correctly rounded, so after F factors the
 * relative error is at most about 2F·2⁻⁵³. When S lies within twice that bound of one half, the comparison is decided
 * exactly in integers (2·Π(nᵢ − dᵢ) ≤ Π nᵢ), so a survival of exactly one half counts as reaching the median
 * whatever the rounding. The exact product is kept short: factors telescope while no observation is censored between
 * two event times (nᵢ₊₁ = nᵢ − dᵢ), so they are kept as one fraction per run without censoring.
 */
final class KaplanMeier {

    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    private KaplanMeier() {
    }

    /** Encodes an observation so that sorting orders by time, events before censorings at equal times. */
    static long observation(long millis, boolean censored) {
        return millis * 2 + (censored ? 1 : 0);
    }

    /** The median in milliseconds of observations encoded by {@link #observation}, or null. */
    static Long medianMillis(LongList observations) {
        int n = observations.size();
        long[] sorted = observations.sorted();
        double survival = 1.0;
        long[] survivors = new long[n];
        long[] atRisk = new long[n];
        int steps = 0;
        int fractions = 0;
        int i = 0;
        while (i < n) {
            long time = sorted[i] >> 1;
            int remaining = n - i;
            int events = 0;
            while (i < n && sorted[i] >> 1 == time) {
                if ((sorted[i] & 1) == 0) {
                    events++;
                }
                i++;
            }
            if (events == 0) {
                continue;
            }
            survival *= (double) (remaining - events) / remaining;
            steps++;
            if (fractions > 0 && survivors[fractions - 1] == remaining) {
                survivors[fractions - 1] = remaining - events;
            } else {
                survivors[fractions] = remaining - events;
                atRisk[fractions] = remaining;
                fractions++;
            }
            double margin = 4.0 * steps * UNIT_ROUNDOFF;
            if (survival < 0.5 - margin || survival <= 0.5 + margin && exactlyAtMostHalf(survivors, atRisk,
                    fractions)) {
                return time;
            }
        }
        return null;
    }

    private static boolean exactlyAtMostHalf(long[] survivors, long[] atRisk, int factors) {
        BigInteger numerator = product(survivors, 0, factors).shiftLeft(1);
        return numerator.compareTo(product(atRisk, 0, factors)) <= 0;
    }

    /** The product of values[from..to) as a balanced tree, so big numbers are multiplied by big numbers. */
    private static BigInteger product(long[] values, int from, int to) {
        if (to - from <= 2) {
            BigInteger result = BigInteger.ONE;
            for (int i = from; i < to; i++) {
                result = result.multiply(BigInteger.valueOf(values[i]));
            }
            return result;
        }
        int middle = (from + to) >>> 1;
        return product(values, from, middle).multiply(product(values, middle, to));
    }
}
