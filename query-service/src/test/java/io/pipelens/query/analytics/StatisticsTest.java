package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shared statistics, on samples small enough to check by hand. */
class StatisticsTest {

    private static LongList sample(long... values) {
        LongList list = new LongList();
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    /** Observations in whole seconds; a negative value means "censored at |value|". */
    private static Double kaplanMeierMedianSeconds(long... seconds) {
        LongList observations = new LongList();
        for (long s : seconds) {
            observations.add(KaplanMeier.observation(Math.abs(s) * 1000, s < 0));
        }
        Long median = KaplanMeier.medianMillis(observations);
        return median == null ? null : median / 1000.0;
    }

    @Test
    void percentilesUseTheNearestRank() {
        LongList tenValues = sample(LongStream.rangeClosed(1, 10).map(i -> i * 1000).toArray());
        DurationSummary ten = DurationSummary.of(tenValues);

        assertThat(ten.medianSeconds()).as("mean of 5 and 6").isEqualTo(5.5);
        assertThat(ten.p75Seconds()).as("rank ⌈7.5⌉ = 8").isEqualTo(8.0);
        assertThat(ten.p90Seconds()).as("rank ⌈9⌉ = 9, not 10").isEqualTo(9.0);
        assertThat(ten.meanSeconds()).isEqualTo(5.5);
        assertThat(ten.maxSeconds()).isEqualTo(10.0);
    }

    @Test
    void aSingleValueIsEveryFigureAndNoValueIsNone() {
        assertThat(DurationSummary.of(sample(4_500))).isEqualTo(new DurationSummary(1, 4.5, 4.5, 4.5, 4.5, 4.5));
        assertThat(DurationSummary.of(sample())).isEqualTo(new DurationSummary(0, null, null, null, null, null));
    }

    @Test
    void kaplanMeierMedianOfACensoredSample() {
        // 1, 2+, 3, 4, 5+, 6: S(1) = 5/6, S(3) = 5/6 · 3/4 = 0.625, S(4) = 0.625 · 2/3 = 0.4167 <= 0.5
        assertThat(kaplanMeierMedianSeconds(1, -2, 3, 4, -5, 6)).isEqualTo(4.0);
    }

    @Test
    void aCensoringAtAnEventTimeIsStillAtRiskThen() {
        // 1, 1+, 2, 3, 4: S(1) = 4/5, S(2) = 4/5 · 2/3 = 8/15, S(3) = 8/15 · 1/2 = 4/15.
        // (Removing the censored one first would give S(2) = 3/4 · 2/3 = 1/2 and a median of 2.)
        assertThat(kaplanMeierMedianSeconds(1, -1, 2, 3, 4)).isEqualTo(3.0);
    }

    @Test
    void aSurvivalOfExactlyOneHalfReachesTheMedianWhateverTheRounding() {
        // 24 events at 1..24 s: S(12) = 12/24 exactly, but the product of the 12 factors is 0.5000000000000001
        // in double precision
        long[] seconds = LongStream.rangeClosed(1, 24).toArray();
        assertThat(kaplanMeierMedianSeconds(seconds)).isEqualTo(12.0);
    }

    @Test
    void noMedianWhenSurvivalStaysAboveOneHalf() {
        // 1, 2+, 3+: S(1) = 2/3
        assertThat(kaplanMeierMedianSeconds(1, -2, -3)).isNull();
        assertThat(kaplanMeierMedianSeconds()).isNull();
    }

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
