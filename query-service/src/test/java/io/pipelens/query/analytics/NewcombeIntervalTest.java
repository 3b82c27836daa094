package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewcombeIntervalTest {

    /** Newcombe prints four decimals. */
    private static final double FOUR_DECIMALS = 0.00005;

    /**
     * Newcombe R.G. (1998), "Interval estimation for the difference between independent proportions: comparison of
     * eleven methods", Statistics in Medicine 17:873–890, Table II, method 10 (score interval for each proportion,
     * combined: the hybrid score interval without continuity correction), examples (a) to (h).
     */
    @ParameterizedTest(name = "{0}/{1} − {2}/{3} → {4}–{5}")
    @CsvSource({
            "56, 70, 48, 80, 0.0524, 0.3339",
            "9, 10, 3, 10, 0.1705, 0.8090",
            "6, 7, 2, 7, 0.0582, 0.8062",
            "5, 56, 0, 29, -0.0381, 0.1926",
            "0, 10, 0, 20, -0.1611, 0.2775",
            "0, 10, 0, 10, -0.2775, 0.2775",
            "10, 10, 0, 20, 0.6791, 1.0000",
            "10, 10, 0, 10, 0.6075, 1.0000",
    })
    void matchesNewcombesTableTwo(int x1, int n1, int x2, int n2, double lower, double upper) {
        Interval interval = NewcombeInterval.of(x1, n1, x2, n2);

        assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
    }

    @Test
    void isNullWhenEitherProportionHasNoTrials() {
        assertThat(NewcombeInterval.of(0, 0, 3, 10)).isNull();
        assertThat(NewcombeInterval.of(3, 10, 0, 0)).isNull();
    }

    @Test
    void swappingTheProportionsMirrorsTheInterval() {
        Interval forward = NewcombeInterval.of(17, 40, 9, 33);
        Interval backward = NewcombeInterval.of(9, 33, 17, 40);

        assertThat(backward.lower()).isCloseTo(-forward.upper(), within(1e-15));
        assertThat(backward.upper()).isCloseTo(-forward.lower(), within(1e-15));
    }
}
