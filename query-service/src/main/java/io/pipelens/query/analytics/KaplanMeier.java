package io.pipelens.query.analytics;

import java.math.BigInteger;

/**
 * The Kaplan–Meier median of a right-censored sample. S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ), where dᵢ is
 * the number of events at tᵢ and nᵢ the number of observations with time ≥ tᵢ (an observation censored at tᵢ is
 * still at risk at tᵢ: events come before censorings at equal times). The median is the smallest event time with
 * S(t) ≤ 0.5, or none when S never falls that far.
 *
 * <p>S is carried in double precision; when it comes within 1e-9 of one half, the comparison is decided exactly in
 * integers (2·Π(nᵢ − dᵢ) ≤ Π nᵢ), so a survival of exactly one half counts as reaching the median whatever the
 * rounding.
 */
final class KaplanMeier {

    private static final double NEAR_HALF = 1e-9;

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
        int factors = 0;
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
            survivors[factors] = remaining - events;
            atRisk[factors] = remaining;
            factors++;
            if (survival <= 0.5 - NEAR_HALF || survival <= 0.5 + NEAR_HALF && exactlyAtMostHalf(survivors, atRisk,
                    factors)) {
                return time;
            }
        }
        return null;
    }

    private static boolean exactlyAtMostHalf(long[] survivors, long[] atRisk, int factors) {
        BigInteger numerator = BigInteger.TWO;
        BigInteger denominator = BigInteger.ONE;
        for (int f = 0; f < factors; f++) {
            numerator = numerator.multiply(BigInteger.valueOf(survivors[f]));
            denominator = denominator.multiply(BigInteger.valueOf(atRisk[f]));
        }
        return numerator.compareTo(denominator) <= 0;
    }
}
