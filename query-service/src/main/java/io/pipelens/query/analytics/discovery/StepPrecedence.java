package io.pipelens.query.analytics.discovery;

/** before(first, then): sample deals containing both steps where {@code first} comes before {@code then}. */
public record StepPrecedence(String first, String then, int deals) {
}
