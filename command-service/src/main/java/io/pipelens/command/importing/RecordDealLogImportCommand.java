package io.pipelens.command.importing;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an import ran and what it did, once its deals are recorded. Sent by the importer only, so it lives
 * beside it rather than in the kernel; the event it gives, {@link DealLogImportedEvent}, is what other services read.
 */
record RecordDealLogImportCommand(DealLogImportedEvent facts) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.dealLogImport(facts.importId());
    }
}
