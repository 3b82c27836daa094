package io.pipelens.kernel.deal;

/**
 * What recording a deal's history did.
 *
 * @param applied    changes that appended an event
 * @param duplicates changes already recorded, skipped
 */
public record HistoryOutcome(int applied, int duplicates) {
}
