package io.pipelens.command.importing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One import of a deal event log, on its own stream {@code import:<importId>}: it records what the import read,
 * appended and skipped, so the query side can report rejected rows without the file. Its id is new for every import,
 * so the stream holds exactly one event; a second record of the same import is refused by the event store.
 */
@Aggregate
class DealLogImport {

    @AggregateIdentifier
    private String aggregateId;

    protected DealLogImport() {
    }

    @CommandHandler
    public DealLogImport(RecordDealLogImportCommand command) {
        apply(command.facts());
    }

    @EventSourcingHandler
    void on(DealLogImportedEvent event) {
        aggregateId = AggregateIds.dealLogImport(event.importId());
    }
}
