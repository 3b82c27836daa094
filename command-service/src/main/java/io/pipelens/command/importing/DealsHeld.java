package io.pipelens.command.importing;

import io.pipelens.command.importing.ImportSummary.RejectedDeal;
import io.pipelens.kernel.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deals of a file that the event store already holds: those of the pipeline imported into, which are checked
 * against the store, and those of another pipeline, which are refused. Deal ids are global across pipelines (a deal is
 * one aggregate, named by its id alone), so importing the same log into a second pipeline needs another id for each
 * deal: the refusal names the option that gives one, {@code dealIdPrefix}.
 */
final class DealsHeld {

    private final String pipelineId;
    private final Map<String, String> pipelines;
    private final long elsewhere;

    DealsHeld(String pipelineId, Map<String, String> pipelines) {
        this.pipelineId = pipelineId;
        this.pipelines = Map.copyOf(pipelines);
        this.elsewhere = pipelines.values().stream().filter(p -> !p.equals(pipelineId)).count();
    }

    /** Whether the store holds {@code dealId} in the pipeline imported into. */
    boolean here(String dealId) {
        return pipelineId.equals(pipelines.get(dealId));
    }

    /** The refusal of {@code dealId} when the store holds it in another pipeline; null otherwise. */
    RejectedDeal elsewhere(String dealId) {
        String other = pipelines.get(dealId);
        if (other == null || other.equals(pipelineId)) {
            return null;
        }
        return new RejectedDeal(dealId, List.of(new Violation("changes[0].dealId", "deal '" + dealId + "' already "
                + "exists in pipeline '" + other + "', and deal ids are global across pipelines; to import this log "
                + "into pipeline '" + pipelineId + "' as well, give its deals an id prefix (" + option() + ")")));
    }

    /** Says once, with the count, which option lets the file in; null when no deal is held elsewhere. */
    String hint() {
        return elsewhere == 0 ? null : String.format(Locale.ROOT, "%,d deal%s of this file already exist%s in another "
                + "pipeline; give the deals of this import an id prefix (%s)", elsewhere, elsewhere == 1 ? "" : "s",
                elsewhere == 1 ? "s" : "", option());
    }

    private String option() {
        return "dealIdPrefix=" + pipelineId + "-, CLI: --deal-id-prefix " + pipelineId + "-";
    }
}
