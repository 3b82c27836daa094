package io.pipelens.command.deal;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;

/** A deal may only enter a stage that the current version of its pipeline defines. */
final class StageRules {

    private StageRules() {
    }

    static void requireStage(PipelineCatalog pipelines, String pipelineId, String stage, String field) {
        if (pipelineId == null || pipelineId.isBlank()) {
            throw new CommandRejectedException("pipelineId", "is required");
        }
        CurrentVersion current = pipelines.current(pipelineId).orElseThrow(() ->
                new CommandRejectedException("pipelineId", "no pipeline '" + pipelineId + "' is defined"));
        if (stage == null || stage.isBlank()) {
            throw new CommandRejectedException(field, "is required");
        }
        if (!current.definition().hasStage(stage)) {
            throw new CommandRejectedException(field, "'" + stage + "' is not a stage of pipeline '" + pipelineId
                    + "' (version " + current.version() + "); its stages are "
                    + String.join(", ", current.definition().keys()));
        }
    }
}
