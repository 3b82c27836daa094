package io.pipelens.kernel.deal;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an open deal as won, at the stage it is in.
 *
 * @param confirmedCriteria the keys of that stage's checklist items the seller confirms: null when not recorded, empty
 *                          when none is confirmed
 */
public record WinDealCommand(String dealId, Instant occurredAt, List<String> confirmedCriteria) implements DealCommand {

    /** A win that records no confirmed criteria. */
    public WinDealCommand(String dealId, Instant occurredAt) {
        this(dealId, occurredAt, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.deal(dealId);
    }
}
