package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A deal was lost while it was at {@code stage}, for a reason. */
@Revision("1")
public record DealLostEvent(String dealId, String pipelineId, String stage, String reason, Instant occurredAt) implements DealEvent {
}
