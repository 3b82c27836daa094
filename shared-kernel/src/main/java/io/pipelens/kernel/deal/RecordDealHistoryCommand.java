package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a run of changes to one deal in one unit of work, for imports and demo data: every change is checked by
 * the same rules as when sent alone, changes already recorded are skipped as duplicates, and either all new events
 * are appended or none. {@code changes} must all name {@code dealId}.
 */
public record RecordDealHistoryCommand(String dealId, List<DealCommand> changes) {

    public RecordDealHistoryCommand {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
