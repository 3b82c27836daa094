package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A deal was won while it was at {@code stage}. */
@Revision("1")
public record DealWonEvent(String dealId, String pipelineId, String stage, Instant occurredAt) implements DealEvent {
}
