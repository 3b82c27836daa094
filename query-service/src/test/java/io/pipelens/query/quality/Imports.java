package io.pipelens.query.quality;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Import events as the command service records them: one per import, on the stream {@code import:<importId>}. */
final class Imports {

    static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    private Imports() {
    }

    /** An import of {@code rowsRead} rows that rejected rows for the given reasons and appended the rest. */
    static DealLogImportedEvent imported(String importId, String pipelineId, Instant at, long rowsRead,
                                         Map<String, Long> rejectedByReason) {
        long rejected = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        return new DealLogImportedEvent(importId, pipelineId, importId + ".csv", rowsRead, rejected + 1,
                rejectedByReason, 3, rowsRead - rejected - 1, 1, 0, at);
    }

    static DomainEventMessage<DealLogImportedEvent> message(DealLogImportedEvent event) {
        return new GenericDomainEventMessage<>("DealLogImport", AggregateIds.dealLogImport(event.importId()), 0,
                event);
    }

    static List<DomainEventMessage<DealLogImportedEvent>> messages(DealLogImportedEvent... events) {
        return List.of(events).stream().map(Imports::message).toList();
    }
}
