package io.pipelens.query.analytics;

/** The filter argument. */
public record SliceInput(String owner, String source, String segment) {
}
