package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the descriptive attributes of a deal. */
public record ChangeDealAttributesCommand(String dealId, DealAttributes attributes, Instant occurredAt) implements DealCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
