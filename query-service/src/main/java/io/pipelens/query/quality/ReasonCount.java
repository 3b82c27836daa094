package io.pipelens.query.quality;

/**
 * Rows an import rejected for one reason.
 *
 * @param reason the importer's reason code, such as {@code unknown-activity}
 * @param rows   rows rejected for it
 */
public record ReasonCount(String reason, long rows) {
}
