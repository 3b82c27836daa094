package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an open deal as won, at the stage it is in. */
public record WinDealCommand(String dealId, Instant occurredAt) implements DealCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
