package io.pipelens.command.deal;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Checks {@code confirmed} (null: not recorded, nothing to check) on leaving {@code leaving} for
     * {@code entering}, or on a win when {@code entering} is null. A list belongs to an exit only: a win, or a move to
     * a later stage of the current version; its keys must be distinct items of the stage left.
     */
    static void requireConfirmable(PipelineCatalog pipelines, String pipelineId, String leaving, String entering,
                                   List<String> confirmed) {
        if (confirmed == null) {
            return;
        }
        CurrentVersion current = pipelines.current(pipelineId).orElseThrow(() ->
                new CommandRejectedException("pipelineId", "no pipeline '" + pipelineId + "' is defined"));
        PipelineDefinition definition = current.definition();
        String version = "version " + current.version() + " of pipeline '" + pipelineId + "'";
        int from = definition.positionOf(leaving);
        if (from == 0) {
            throw new CommandRejectedException(CONFIRMED, "the deal is at stage '" + leaving + "', which " + version
                    + " does not define, so it has no exit criteria to confirm");
        }
        if (entering != null && definition.positionOf(entering) <= from) {
            throw new CommandRejectedException(CONFIRMED, "may only be given on a forward move or a win: '" + leaving
                    + "' to '" + entering + "' goes back in the order of " + version);
        }
        StageDefinition stage = definition.stages().get(from - 1);
        Set<String> seen = new HashSet<>();
        for (String key : confirmed) {
            if (key == null) {
                throw new CommandRejectedException(CONFIRMED, "must not hold null keys");
            }
            if (!seen.add(key)) {
                throw new CommandRejectedException(CONFIRMED, "lists '" + key + "' more than once");
            }
            if (!stage.hasCriterion(key)) {
                throw new CommandRejectedException(CONFIRMED, "'" + key + "' is not an exit criterion of stage '"
                        + leaving + "' in " + version + "; " + itemsOf(stage));
            }
        }
    }

    private static String itemsOf(StageDefinition stage) {
        if (stage.criteria() == null || stage.criteria().isEmpty()) {
            return "the stage has no checklist";
        }
        return "its items are " + String.join(", ", stage.criteria().stream().map(CriterionDefinition::key).toList());
    }
}
