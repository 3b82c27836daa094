package io.pipelens.query.analytics;

import java.util.Arrays;

/**
 * A growable array of longs, so collecting a million durations boxes nothing. Sorting uses a least-significant-digit
 * radix sort when the values are many and all non-negative (durations, ages, encoded observations are): it takes a
 * fixed number of linear passes where a comparison sort takes n log n comparisons, and metrics sort a sample per
 * stage.
 */
public final class LongList {

    private static final int RADIX_FROM = 512;
    private static final int DIGIT_BITS = 13;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private long[] values = new long[16];
    private int size;
    private long max;
    private boolean negative;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        if (value > max) {
            max = value;
        } else if (value < 0) {
            negative = true;
        }
    }

    public int size() {
        return size;
    }

    /** The value added {@code index}-th (from 0), while the list is unsorted. */
    public long get(int index) {
        return values[index];
    }

    /** Sorts in place and returns the backing array; only the first {@link #size()} values are meaningful. */
    public long[] sorted() {
        if (size < RADIX_FROM || negative) {
            Arrays.sort(values, 0, size);
        } else {
            radixSort();
        }
        return values;
    }

    private void radixSort() {
        int bits = 64 - Long.numberOfLeadingZeros(max);
        long[] from = values;
        long[] to = new long[from.length];
        int[] counts = new int[BUCKETS + 1];
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < size; i++) {
                counts[(int) (from[i] >>> shift) & (BUCKETS - 1)]++;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int count = counts[b];
                counts[b] = sum;
                sum += count;
            }
            for (int i = 0; i < size; i++) {
                long value = from[i];
                to[counts[(int) (value >>> shift) & (BUCKETS - 1)]++] = value;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        values = from;
    }
}
