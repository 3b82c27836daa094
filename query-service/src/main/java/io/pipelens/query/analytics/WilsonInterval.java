package io.pipelens.query.analytics;

/**
 * The 95% Wilson score interval of a proportion x/n (DESIGN §9): with p = x/n, centre (p + z²/2n) ÷ (1 + z²/n) and
 * half-width z ÷ (1 + z²/n) · √(p(1−p)/n + z²/4n²), z = {@link #Z_95}.
 *
 * <p>Written here rather than taken from a library: Commons Statistics 1.2 (already in the build) has tests but no
 * interval for a binomial proportion, and Commons Math 3's {@code WilsonScoreInterval} refuses n = 0 (which must
 * give null here) and would add a whole library, no longer developed, for five lines.
 */
public final class WilsonInterval {

    /** The 0.975 quantile of the standard normal distribution, for two-sided 95% intervals. */
    public static final double Z_95 = 1.959963984540054;

    private WilsonInterval() {
    }

    /**
     * The interval of {@code successes} out of {@code trials}, or null when trials is 0. At x = 0 the half-width
     * equals the centre, so the lower bound is exactly 0 (and the upper bound of n/n exactly 1); the two computed in
     * doubles differ by an ulp either way (0/7 would get 2.8e−17), so those ends are set rather than computed.
     */
    public static Interval of(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be between 0 and trials (" + trials + "), was "
                    + successes);
        }
        if (trials == 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double zz = Z_95 * Z_95;
        double shrink = 1 + zz / n;
        double centre = (p + zz / (2 * n)) / shrink;
        double halfWidth = Z_95 / shrink * Math.sqrt(p * (1 - p) / n + zz / (4 * n * n));
        return new Interval(successes == 0 ? 0 : centre - halfWidth, successes == trials ? 1 : centre + halfWidth);
    }
}
