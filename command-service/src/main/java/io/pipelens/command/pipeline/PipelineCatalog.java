package io.pipelens.command.pipeline;

import io.pipelens.kernel.pipeline.PipelineDefinition;
import java.util.Optional;

/** Answers deal commands with the current version of a pipeline. */
public interface PipelineCatalog {

    /** The current definition of the pipeline and its version number, or empty when no such pipeline exists. */
    Optional<CurrentVersion> current(String pipelineId);

    record CurrentVersion(int version, PipelineDefinition definition) {
    }
}
