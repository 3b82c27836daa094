package io.pipelens.kernel.pipeline;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Appends a new version to a pipeline. {@code mapping} says where each stage key of earlier versions goes; a key that
 * also exists in the new version may be left out and then maps to itself.
 *
 * @param effectiveFrom when the new version took effect in the sales process (the team started working by it); null
 *                      for the time the redefinition is recorded ({@code occurredAt})
 */
public record RedefinePipelineCommand(String pipelineId, List<StageDefinition> stages,
                                      List<StageMapping> mapping, Instant occurredAt, Instant effectiveFrom) {

    /** A redefinition effective from the time it is recorded. */
    public RedefinePipelineCommand(String pipelineId, List<StageDefinition> stages, List<StageMapping> mapping,
                                   Instant occurredAt) {
        this(pipelineId, stages, mapping, occurredAt, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.pipeline(pipelineId);
    }
}
