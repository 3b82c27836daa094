package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Benjamini–Hochberg q-values of skip impact, on samples small enough to check by hand. */
class BenjaminiHochbergTest {

    @Test
    void benjaminiHochbergQValues() {
        // sorted: 0.005 (r1), 0.01 (r2), 0.03 (r3), 0.04 (r4); p·m/r = 0.02, 0.02, 0.04, 0.04
        Double[] q = BenjaminiHochberg.adjust(new Double[] {0.01, null, 0.04, 0.03, 0.005});

        assertThat(q[1]).isNull();
        assertClose(q, new double[] {0.02, Double.NaN, 0.04, 0.04, 0.02});
    }

    @Test
    void benjaminiHochbergTakesTheRunningMinimumAndCapsAtOne() {
        // sorted 0.02 (r1), 0.9 (r2), 0.91 (r3): p·m/r = 0.06, 1.35, 0.91 -> q = 0.06, 0.91, 0.91
        assertClose(BenjaminiHochberg.adjust(new Double[] {0.9, 0.02, 0.91}), new double[] {0.91, 0.06, 0.91});
        // 0.8 (r1), 0.9 (r2): 1.6 capped by the running minimum 0.9
        assertClose(BenjaminiHochberg.adjust(new Double[] {0.8, 0.9}), new double[] {0.9, 0.9});
    }

    private static void assertClose(Double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("q[%d]", i).isCloseTo(expected[i], within(1e-15));
            }
        }
    }
}
