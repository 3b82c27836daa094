package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.List;

/** A stage without a goal, or without an exit criterion: blank counts as missing. */
final class CompletenessRule {

    private CompletenessRule() {
    }

    static boolean missing(String text) {
        return text == null || text.isBlank();
    }

    static List<Finding> findings(StageAudit stage) {
        List<Finding> findings = new ArrayList<>();
        StageDefinition template = stage.templateStage() == null
                ? null
                : TemplatePlacement.templateStage(stage.templateStage().key());
        if (stage.missingGoal()) {
            String example = template == null
                    ? ", as a sentence about the client, for example 'The decision maker wants to solve the problem "
                    + "with us'."
                    : ", for example '" + template.goal() + "' (the goal of the template's '" + template.name()
                    + "' stage).";
            findings.add(new Finding(AuditRule.MISSING_GOAL, stage.key(), stage.position(), null,
                    "Stage " + stage.quotedName() + " has no goal.",
                    "Without a goal nobody can say what must change in the client's head for a deal to move on, so "
                            + "the stage drifts into describing what sellers do.",
                    "Write the client state the stage aims at" + example));
        }
        if (stage.missingExitCriterion()) {
            String example = template == null
                    ? ", checkable by someone who was not there, for example 'Decision maker confirmed the problem, "
                    + "solution and benefit; deadline, budget and deal plan agreed'."
                    : ", for example '" + template.exitCriterion() + "' (the exit criterion of the template's '"
                    + template.name() + "' stage).";
            findings.add(new Finding(AuditRule.MISSING_EXIT_CRITERION, stage.key(), stage.position(), null,
                    "Stage " + stage.quotedName() + " has no exit criterion.",
                    "Without an exit criterion each seller decides when a deal moves on, so conversion and time in "
                            + "stage mean different things for different sellers and the funnel cannot be trusted.",
                    "Write what must be true of the client to leave the stage" + example));
        }
        return findings;
    }
}
