package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an open deal to another stage of its pipeline. */
public record MoveDealToStageCommand(String dealId, String stage, Instant occurredAt) implements DealCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
