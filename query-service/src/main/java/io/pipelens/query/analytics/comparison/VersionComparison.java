package io.pipelens.query.analytics.comparison;

/** Two pipeline versions' analytics over the same deals: the GraphQL type {@code VersionComparison}. */
public record VersionComparison(VersionAnalytics a, VersionAnalytics b) {
}
