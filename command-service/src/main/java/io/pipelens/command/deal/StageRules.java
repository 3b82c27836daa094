package io.pipelens.command.deal;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import java.util.List;

/**
 * A deal may only enter a stage that the current version of its pipeline defines, and may confirm only the exit
 * criteria of the stage it leaves forward.
 */
final class StageRules {

    private static final String CONFIRMED = "confirmedCriteria";

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

    /** Refuses {@code confirmed} unless it may be recorded on this exit (see {@code confirmationProblem}). */
    static void requireConfirmable(PipelineCatalog pipelines, String pipelineId, String leaving, String entering,
                                   List<String> confirmed) {
        if (confirmed == null) {
            return;
        }
        CurrentVersion current = pipelines.current(pipelineId).orElseThrow(() ->
                new CommandRejectedException("pipelineId", "no pipeline '" + pipelineId + "' is defined"));
        String problem = current.definition().confirmationProblem(leaving, entering, confirmed,
                "version " + current.version() + " of pipeline '" + pipelineId + "'");
        if (problem != null) {
            throw new CommandRejectedException(CONFIRMED, problem);
        }
    }
}
