package io.pipelens.kernel.pipeline;

import io.pipelens.kernel.AggregateIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a new pipeline with its first version of stages. */
public record DefinePipelineCommand(String pipelineId, String name,
                                    List<StageDefinition> stages, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.pipeline(pipelineId);
    }
}
