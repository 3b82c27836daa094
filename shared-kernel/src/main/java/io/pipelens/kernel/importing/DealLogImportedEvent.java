package io.pipelens.kernel.importing;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An import of a deal event log was recorded: what it read, what it appended and which rows it skipped, by reason.
 * Appended once per import that appended or skipped something, after its deals were recorded, on the stream
 * {@code import:<importId>}. A file refused as a whole appends nothing, this event included.
 *
 * @param importId            the import's id, unique per run
 * @param pipelineId          the pipeline the deals belong to
 * @param source              the file's name as given, or null when unknown
 * @param rowsRead            data rows read from the file
 * @param rowsSkipped         rows that added nothing, whatever the reason
 * @param skippedRowsByReason invalid rows skipped (with skipBadRows), counted by reason code, such as
 *                            {@code unknown-activity} or {@code unparsable-timestamp}; codes are listed in the import
 *                            documentation
 * @param deals               deals the file holds
 * @param transitionsAppended changes that appended an event
 * @param duplicates          changes already recorded by an earlier import
 * @param rejectedDeals       deals the event store refused as a whole (nothing appended for them)
 * @param importedAt          when the import ended (wall-clock time, not business time)
 */
@Revision("1")
public record DealLogImportedEvent(String importId, String pipelineId, String source, long rowsRead, long rowsSkipped,
                                   Map<String, Long> skippedRowsByReason, int deals, long transitionsAppended,
                                   long duplicates, int rejectedDeals, Instant importedAt) {

    public DealLogImportedEvent {
        skippedRowsByReason = skippedRowsByReason == null ? Map.of() : Map.copyOf(skippedRowsByReason);
    }
}
