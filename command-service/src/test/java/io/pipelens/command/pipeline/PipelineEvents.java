package io.pipelens.command.pipeline;

import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.List;

/** Pipeline events of the pipeline {@link #PIPELINE}, as the aggregate records them. */
final class PipelineEvents {

    static final String PIPELINE = "p1";
    static final String NAME = "Inbound sales";

    private PipelineEvents() {
    }

    static PipelineDefinedEvent defined(List<StageDefinition> stages, Instant at) {
        return new PipelineDefinedEvent(PIPELINE, NAME, 1, stages, at);
    }

    static PipelineRedefinedEvent redefined(int version, List<StageDefinition> stages, List<StageMapping> mapping,
                                            Instant at) {
        return new PipelineRedefinedEvent(PIPELINE, version, stages, mapping, at);
    }
}
