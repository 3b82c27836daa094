package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an open deal as lost, at the stage it is in, with a reason. */
public record LoseDealCommand(String dealId, String reason, Instant occurredAt) implements DealCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
