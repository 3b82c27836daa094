package io.pipelens.query.analytics.forecast;

/** An interval of a number of wins: the smallest counts whose cumulative probability reaches 0.1 and 0.9. */
public record WinCountInterval(int lower, int upper) {

    boolean contains(int wins) {
        return wins >= lower && wins <= upper;
    }
}
