package io.pipelens.command.deal;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import java.util.List;
import org.axonframework.messaging.MetaData;

/**
 * A deal may only enter a stage that the current version of its pipeline defines, and may confirm only the exit
 * criteria of the stage it leaves forward. The current version is the one the catalog answers when the command is
 * handled (not the one in force at the command's business time): a command handled after a redefinition was answered
 * is judged against the new version. The events of a judged command carry that version's number in their metadata,
 * under {@value #PIPELINE_VERSION}.
 */
final class StageRules {

    /** Metadata key of the pipeline version a deal event's command was judged against. */
    static final String PIPELINE_VERSION = "pipelineVersion";
    private static final String CONFIRMED = "confirmedCriteria";

    private StageRules() {
    }

    /** The metadata that records the version a command was judged against; none when it was judged against none. */
    static MetaData judgedUnder(CurrentVersion version) {
        return version == null ? MetaData.emptyInstance() : MetaData.with(PIPELINE_VERSION, version.version());
    }

    /** Refuses {@code stage} unless the current version of the pipeline has it; answers that version. */
    static CurrentVersion requireStage(PipelineCatalog pipelines, String pipelineId, String stage, String field) {
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
        return current;
    }

    /**
     * Refuses {@code confirmed} unless it may be recorded on this exit (see {@code confirmationProblem}); answers the
     * version it was judged against, or null when nothing was confirmed and the pipeline was not asked.
     */
    static CurrentVersion requireConfirmable(PipelineCatalog pipelines, String pipelineId, String leaving, String entering,
                                   List<String> confirmed) {
        if (confirmed == null) {
            return null;
        }
        CurrentVersion current = pipelines.current(pipelineId).orElseThrow(() ->
                new CommandRejectedException("pipelineId", "no pipeline '" + pipelineId + "' is defined"));
        String problem = current.definition().confirmationProblem(leaving, entering, confirmed,
                "version " + current.version() + " of pipeline '" + pipelineId + "'");
        if (problem != null) {
            throw new CommandRejectedException(CONFIRMED, problem);
        }
        return current;
    }
}
