package io.pipelens.query.analytics;

/** A confidence interval. */
public record Interval(double lower, double upper) {
}
