package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A deal was opened in a pipeline at a stage. */
@Revision("1")
public record DealOpenedEvent(String dealId, String pipelineId, String stage, DealAttributes attributes, Instant occurredAt) implements DealEvent {
}
