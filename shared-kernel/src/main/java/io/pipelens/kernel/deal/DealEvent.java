package io.pipelens.kernel.deal;

import java.time.Instant;

/**
 * An immutable fact about a deal. {@code occurredAt} is business time: when the change happened in the sales process.
 * Analytics use it; the event store's own timestamp is recording time.
 */
public sealed interface DealEvent permits DealOpenedEvent, DealMovedToStageEvent, DealWonEvent, DealLostEvent,
        DealReopenedEvent, DealAttributesChangedEvent {

    String dealId();

    String pipelineId();

    Instant occurredAt();
}
