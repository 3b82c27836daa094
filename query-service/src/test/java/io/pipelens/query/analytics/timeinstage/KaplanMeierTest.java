package io.pipelens.query.analytics.timeinstage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.LongList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The Kaplan–Meier median of time in stage, on samples small enough to check by hand. */
class KaplanMeierTest {

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
}
