package io.pipelens.query.analytics;

import java.util.Arrays;

/** A growable array of longs, so collecting a million durations boxes nothing. */
final class LongList {

    private long[] values = new long[8];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** Sorts in place and returns the backing array; only the first {@link #size()} values are meaningful. */
    long[] sorted() {
        Arrays.sort(values, 0, size);
        return values;
    }
}
