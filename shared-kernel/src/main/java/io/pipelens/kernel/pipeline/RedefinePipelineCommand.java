package io.pipelens.kernel.pipeline;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Appends a new version to a pipeline. {@code mapping} says where each stage key of earlier versions goes; a key that
 * also exists in the new version may be left out and then maps to itself.
 */
public record RedefinePipelineCommand(String pipelineId, List<StageDefinition> stages,
                                      List<StageMapping> mapping, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.pipeline(pipelineId);
    }
}
