package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed deal into a stage of its pipeline. */
public record ReopenDealCommand(String dealId, String stage, Instant occurredAt) implements DealCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
