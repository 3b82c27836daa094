package io.pipelens.kernel.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline got a new version. {@code mapping} is complete: it names every stage key of every earlier version, so
 * readers never have to infer where an old key went.
 *
 * <p>{@code effectiveFrom} was added to revision 1 without a new revision or an upcaster, because the change is
 * additive and optional: it is written only when set (so an event without it is exactly the JSON stored before it
 * existed), and a stored event without it reads back with null, which {@link #effectiveAt()} takes as
 * {@code occurredAt}. Readers older than the field ignore it (unknown properties are not an error).
 *
 * @param effectiveFrom when the version took effect, when the redefinition stated it; null: when it was recorded
 */
@Revision("1")
public record PipelineRedefinedEvent(String pipelineId, int version, List<StageDefinition> stages,
                                     List<StageMapping> mapping, Instant occurredAt,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Instant effectiveFrom) {

    /** A redefinition effective from the time it was recorded. */
    public PipelineRedefinedEvent(String pipelineId, int version, List<StageDefinition> stages,
                                  List<StageMapping> mapping, Instant occurredAt) {
        this(pipelineId, version, stages, mapping, occurredAt, null);
    }

    /** When the version took effect: {@code effectiveFrom}, or {@code occurredAt} when none was stated. */
    public Instant effectiveAt() {
        return effectiveFrom == null ? occurredAt : effectiveFrom;
    }
}
