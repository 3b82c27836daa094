package io.pipelens.kernel.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An open deal moved from one stage to another.
 *
 * <p>{@code confirmedCriteria} joined revision 1 without a new revision: it is written only when recorded, so a move
 * without it is exactly the JSON stored before it existed, and a stored move reads back as not recorded.
 *
 * @param confirmedCriteria the keys of {@code fromStage}'s checklist items confirmed on leaving it, as given: null when
 *                          not recorded, empty when none was confirmed
 */
@Revision("1")
public record DealMovedToStageEvent(String dealId, String pipelineId, String fromStage, String toStage,
                                    Instant occurredAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> confirmedCriteria)
        implements DealEvent {

    /** A move that recorded no confirmed criteria. */
    public DealMovedToStageEvent(String dealId, String pipelineId, String fromStage, String toStage,
                                 Instant occurredAt) {
        this(dealId, pipelineId, fromStage, toStage, occurredAt, null);
    }
}
