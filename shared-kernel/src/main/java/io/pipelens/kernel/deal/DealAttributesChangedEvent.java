package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The descriptive attributes of a deal were replaced. */
@Revision("1")
public record DealAttributesChangedEvent(String dealId, String pipelineId, DealAttributes attributes, Instant occurredAt) implements DealEvent {
}
