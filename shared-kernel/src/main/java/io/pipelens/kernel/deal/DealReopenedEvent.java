package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A closed deal was reopened into {@code stage}. */
@Revision("1")
public record DealReopenedEvent(String dealId, String pipelineId, String stage, Instant occurredAt) implements DealEvent {
}
