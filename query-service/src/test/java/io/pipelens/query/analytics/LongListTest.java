package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongListTest {

    private static long[] sortedCopy(LongList list) {
        return Arrays.copyOf(list.sorted(), list.size());
    }

    @Test
    void sortsLikeArraysSortAtEverySizeAndMagnitude() {
        Random random = new Random(3);
        for (int size : new int[] {0, 1, 511, 512, 513, 5_000, 70_000}) {
            for (long bound : new long[] {2, 1L << 13, 1L << 27, 1L << 40, Long.MAX_VALUE}) {
                LongList list = new LongList();
                long[] expected = new long[size];
                for (int i = 0; i < size; i++) {
                    expected[i] = (random.nextLong() & Long.MAX_VALUE) % bound;
                    list.add(expected[i]);
                }
                Arrays.sort(expected);

                assertThat(sortedCopy(list)).as("size %d below %d", size, bound).containsExactly(expected);
            }
        }
    }

    @Test
    void sortsNegativeValuesToo() {
        LongList list = new LongList();
        long[] expected = new long[1_000];
        Random random = new Random(5);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = random.nextLong();
            list.add(expected[i]);
        }
        Arrays.sort(expected);

        assertThat(sortedCopy(list)).containsExactly(expected);
    }
}
