package io.pipelens.kernel.deal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An open deal moved from one stage to another. */
@Revision("1")
public record DealMovedToStageEvent(String dealId, String pipelineId, String fromStage, String toStage, Instant occurredAt) implements DealEvent {
}
