package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves an open deal to another stage of its pipeline.
 *
 * @param confirmedCriteria on a forward move, the keys of the left stage's checklist items the seller confirms: null
 *                          when not recorded, empty when none is confirmed
 */
public record MoveDealToStageCommand(String dealId, String stage, Instant occurredAt, List<String> confirmedCriteria)
        implements DealCommand {

    /** A move that records no confirmed criteria. */
    public MoveDealToStageCommand(String dealId, String stage, Instant occurredAt) {
        this(dealId, stage, occurredAt, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
