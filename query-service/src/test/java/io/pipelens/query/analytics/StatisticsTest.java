package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The duration summaries every feature shares, on samples small enough to check by hand. */
class StatisticsTest {

    private static LongList sample(long... values) {
        LongList list = new LongList();
        for (long value : values) {
            list.add(value);
        }
        return list;
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
}
