package io.pipelens.kernel.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A deal was won while it was at {@code stage}.
 *
 * <p>{@code confirmedCriteria} joined revision 1 without a new revision: it is written only when recorded, so a win
 * without it is exactly the JSON stored before it existed, and a stored win reads back as not recorded.
 *
 * @param confirmedCriteria the keys of {@code stage}'s checklist items confirmed on winning, as given: null when not
 *                          recorded, empty when none was confirmed
 */
@Revision("1")
public record DealWonEvent(String dealId, String pipelineId, String stage, Instant occurredAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> confirmedCriteria)
        implements DealEvent {

    /** A win that recorded no confirmed criteria. */
    public DealWonEvent(String dealId, String pipelineId, String stage, Instant occurredAt) {
        this(dealId, pipelineId, stage, occurredAt, null);
    }
}
