package io.pipelens.query.analytics;

/** Small helpers for ratios that are undefined on an empty denominator. */
public final class Ratios {

    private Ratios() {
    }

    /** numerator ÷ denominator, or null when the denominator is 0. */
    public static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
