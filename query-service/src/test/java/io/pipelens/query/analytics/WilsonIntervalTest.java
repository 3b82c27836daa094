package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 95% Wilson score interval of DESIGN §9. */
class WilsonIntervalTest {

    /** Half a unit in the fourth decimal: the published bounds are rounded to four decimals. */
    private static final double FOUR_DECIMALS = 0.00005;

    /**
     * Newcombe R.G. (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
     * Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score interval without continuity correction).
     */
    @ParameterizedTest(name = "{0}/{1} → {2}–{3}")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0, 0.1611",
            "1, 29, 0.0061, 0.1718",
    })
    void matchesNewcombesTableOne(int successes, int trials, double lower, double upper) {
        Interval interval = WilsonInterval.of(successes, trials);

        assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
    }

    @Test
    void isNullWithoutTrials() {
        assertThat(WilsonInterval.of(0, 0)).isNull();
    }

    @Test
    void holdsTheEstimateAndMirrorsTheComplement() {
        for (int n = 1; n <= 300; n++) {
            for (int x = 0; x <= n; x++) {
                Interval interval = WilsonInterval.of(x, n);
                Interval complement = WilsonInterval.of(n - x, n);
                String at = x + "/" + n;
                assertThat(interval.lower()).as(at).isLessThanOrEqualTo((double) x / n);
                assertThat(interval.upper()).as(at).isGreaterThanOrEqualTo((double) x / n);
                assertThat(interval.lower()).as(at).isCloseTo(1 - complement.upper(), within(1e-15));
            }
        }
    }

    /** At 0/n and n/n the exact bounds are 0 and 1; the formula evaluated in doubles misses them by an ulp. */
    @Test
    void allNoneAndAllOneReachTheEndsExactly() {
        for (int n = 1; n <= 10_000; n++) {
            assertThat(WilsonInterval.of(0, n).lower()).as("0/%d", n).isEqualTo(0.0);
            assertThat(WilsonInterval.of(n, n).upper()).as("%d/%d", n, n).isEqualTo(1.0);
        }
    }

    @Test
    void refusesACountOutsideTheTrials() {
        assertThatThrownBy(() -> WilsonInterval.of(-1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("successes");
        assertThatThrownBy(() -> WilsonInterval.of(6, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 6");
    }
}
