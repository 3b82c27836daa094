package io.pipelens.query.analytics;

/**
 * Count, mean, median, p75, p90 and max of a sample of durations, in seconds (fractional: business time is kept to the
 * millisecond). The median of an even count is the mean of the two middle values; p75 and p90 are nearest-rank: the
 * value at rank ⌈p·N⌉ (computed in integers, so no floating-point rounding can move the rank) in ascending order.
 * Every figure but the count is null when the sample is empty.
 */
public record DurationSummary(int count, Double meanSeconds, Double medianSeconds, Double p75Seconds,
                              Double p90Seconds, Double maxSeconds) {

    static final DurationSummary EMPTY = new DurationSummary(0, null, null, null, null, null);

    public static DurationSummary of(LongList millis) {
        int n = millis.size();
        if (n == 0) {
            return EMPTY;
        }
        long[] sorted = millis.sorted();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
        }
        return new DurationSummary(n, sum / (double) n / 1000.0, medianMillis(sorted, n) / 1000.0,
                nearestRank(sorted, n, 75) / 1000.0, nearestRank(sorted, n, 90) / 1000.0, sorted[n - 1] / 1000.0);
    }

    /** Median of the first {@code n} values of an ascending array (n ≥ 1). */
    public static double medianMillis(long[] sorted, int n) {
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        long low = sorted[n / 2 - 1];
        long high = sorted[n / 2];
        return low + (high - low) / 2.0;
    }

    /** The value at rank ⌈percent·n/100⌉ (at least 1) of the first {@code n} values of an ascending array. */
    public static long nearestRank(long[] sorted, int n, int percent) {
        int rank = (int) Math.max(1, ((long) percent * n + 99) / 100);
        return sorted[rank - 1];
    }
}
