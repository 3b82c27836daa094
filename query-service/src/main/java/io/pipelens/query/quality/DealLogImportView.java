package io.pipelens.query.quality;

import io.pipelens.kernel.importing.DealLogImportedEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recorded import of a deal event log, keyed by its import id: the GraphQL type {@code DealLogImport} of
 * {@code quality.graphqls}. Rejected rows are kept as a list of (reason, rows) sorted by reason rather than as a map,
 * so reason codes never become MongoDB field names and the document is the same whichever order the event's map had.
 */
@Document(collection = DealLogImportView.COLLECTION)
public record DealLogImportView(@Id String id,
                                String pipelineId,
                                String source,
                                long rowsRead,
                                long rowsSkipped,
                                List<ReasonCount> rejectedRowsByReason,
                                int deals,
                                long transitionsAppended,
                                long duplicates,
                                int rejectedDeals,
                                Instant importedAt) {

    public static final String COLLECTION = "deal_log_imports";

    public DealLogImportView {
        rejectedRowsByReason = rejectedRowsByReason == null ? List.of() : List.copyOf(rejectedRowsByReason);
    }

    /** The document an event gives: a pure function of the event, so writing it again changes nothing. */
    public static DealLogImportView of(DealLogImportedEvent event) {
        return new DealLogImportView(event.importId(), event.pipelineId(), event.source(), event.rowsRead(),
                event.rowsSkipped(), byReason(event.skippedRowsByReason()), event.deals(), event.transitionsAppended(),
                event.duplicates(), event.rejectedDeals(), event.importedAt());
    }

    /** Rows rejected as invalid, whatever the reason. */
    public long rowsRejected() {
        return rejectedRowsByReason.stream().mapToLong(ReasonCount::rows).sum();
    }

    private static List<ReasonCount> byReason(Map<String, Long> skipped) {
        return skipped.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ReasonCount::reason))
                .toList();
    }
}
