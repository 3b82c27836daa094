package io.pipelens.command.pipeline;

import io.pipelens.kernel.pipeline.PipelineDefinition;
import java.util.Optional;

/** Answers deal commands with the current version of a pipeline. */
public interface PipelineCatalog {

    /** The current definition of the pipeline and its version number, or empty when no such pipeline exists. */
    Optional<CurrentVersion> current(String pipelineId);

    /** A catalog that asks {@code catalog} at most once per pipeline: for many changes in one unit of work. */
    static PipelineCatalog memoizing(PipelineCatalog catalog) {
        java.util.Map<String, Optional<CurrentVersion>> seen = new java.util.HashMap<>();
        return pipelineId -> seen.computeIfAbsent(pipelineId, catalog::current);
    }

    record CurrentVersion(int version, PipelineDefinition definition) {
    }
}
