package io.pipelens.query.audit;

import static io.pipelens.query.audit.StageField.GOAL;
import static io.pipelens.query.audit.StageField.KEY;
import static io.pipelens.query.audit.StageField.NAME;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stage named after something the seller does (call, meeting, demo, proposal...) rather than a state the client
 * reaches. Reads the key, then the name, then the goal; the first text that names an activity decides, and in it the
 * earliest activity. A text that also says the client accepted, approved, agreed, signed or paid states a client state
 * ("Proposal accepted", "КП согласовано") and does not count; a key counts as saying so when its name does, as keys
 * abbreviate names ({@code proposal} for "Proposal accepted"). A goal that says "terms agreed" does not excuse a stage
 * named "Negotiations": the name still names the activity.
 */
final class ActivityRule {

    static final List<StageField> FIELDS = List.of(KEY, NAME, GOAL);

    private ActivityRule() {
    }

    static Optional<ActivityMatch> match(StageText stage) {
        for (StageField field : FIELDS) {
            if (statesClientState(stage, field)) {
                continue;
            }
            Activity activity = null;
            Term.Occurrence first = null;
            for (Activity candidate : ActivityVocabulary.ACTIVITIES) {
                Optional<Term.Occurrence> found = candidate.lexicon().firstIn(stage.words(field));
                if (found.isPresent() && (first == null || found.get().before(first))) {
                    activity = candidate;
                    first = found.get();
                }
            }
            if (activity != null) {
                return Optional.of(new ActivityMatch(activity.word(), Evidence.of(field, first)));
            }
        }
        return Optional.empty();
    }

    private static boolean statesClientState(StageText stage, StageField field) {
        Lexicon clientState = ActivityVocabulary.CLIENT_STATE;
        return clientState.firstIn(stage.words(field)).isPresent()
                || field == KEY && clientState.firstIn(stage.words(NAME)).isPresent();
    }

    static List<Finding> findings(List<StageAudit> stages) {
        List<Finding> findings = new ArrayList<>();
        for (StageAudit stage : stages) {
            if (stage.activity() != null) {
                findings.add(finding(stage, stages));
            }
        }
        return findings;
    }

    private static Finding finding(StageAudit stage, List<StageAudit> stages) {
        ActivityMatch match = stage.activity();
        Activity activity = ActivityVocabulary.ACTIVITIES.stream()
                .filter(a -> a.word().equals(match.activity()))
                .findFirst()
                .orElseThrow();
        Evidence evidence = match.evidence();
        String message = "Stage " + stage.quotedName() + " is named after a seller activity, " + activity.word()
                + " ('" + evidence.text() + "' in its " + Sentences.describe(evidence.field()) + ").";
        String why = Sentences.capitalised(activity.doing()) + " changes nothing in the client's head: a stage named "
                + "after it says what the seller did, not where the client is, so deals pile up in it and it does not "
                + "tell how close a deal is to a yes.";
        return new Finding(AuditRule.ACTIVITY_STAGE, stage.key(), stage.position(), evidence.text(), message, why,
                advice(stage, activity, stages));
    }

    private static String advice(StageAudit stage, Activity activity, List<StageAudit> stages) {
        String absorb = absorbInto(stage, stages);
        StageDefinition aim = stage.templateStage() != null
                ? TemplatePlacement.templateStage(stage.templateStage().key())
                : activity.aimsAt() == null ? null : TemplatePlacement.templateStage(activity.aimsAt());
        String rename = aim == null
                ? "rename it to the client state it aims at: what has the client decided or done when the stage is "
                + "over?"
                : "rename it to the client state it aims at, for example '" + aim.name() + "', left when: "
                + Sentences.lowerFirst(aim.exitCriterion()) + ".";
        return absorb == null ? Sentences.capitalised(rename) : absorb + ", or " + rename;
    }

    /**
     * Where the stage's time should go if it is absorbed (DESIGN §6): the nearest stage before it that is not an
     * activity itself, or, when there is none, the nearest one after it.
     */
    private static String absorbInto(StageAudit stage, List<StageAudit> stages) {
        for (int i = stage.position() - 2; i >= 0; i--) {
            if (stages.get(i).activity() == null) {
                return "Absorb it into " + stages.get(i).quotedName() + ", the nearest stage before it that is not "
                        + "an activity (redefine the pipeline mapping '" + stage.key() + "' as absorbed, so its time "
                        + "counts there)";
            }
        }
        for (int i = stage.position(); i < stages.size(); i++) {
            if (stages.get(i).activity() == null) {
                return "Absorb it into " + stages.get(i).quotedName() + ", the nearest stage after it that is not "
                        + "an activity, as none comes before it (redefine the pipeline mapping '" + stage.key()
                        + "' as absorbed)";
            }
        }
        return null;
    }
}
