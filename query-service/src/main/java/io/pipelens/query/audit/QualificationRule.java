package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline must have a qualification-like stage: one whose key, name, goal or exit criterion says qualification
 * (qualified, квалификация, BANT...), or that answers three of the four BANT questions. The first such stage is
 * reported; in a stage the word itself is better evidence than BANT.
 */
final class QualificationRule {

    private QualificationRule() {
    }

    static QualificationCheck check(List<StageText> stages) {
        for (StageText stage : stages) {
            Optional<Evidence> named = QualificationVocabulary.KEYWORDS.firstIn(stage, StageField.ALL);
            if (named.isPresent()) {
                return new QualificationCheck(stage.stage().key(), List.of(named.get()));
            }
            Optional<List<Evidence>> bant = bant(stage);
            if (bant.isPresent()) {
                return new QualificationCheck(stage.stage().key(), bant.get());
            }
        }
        return QualificationCheck.none();
    }

    /** One piece of evidence per BANT question the stage answers, when it answers enough of them. */
    static Optional<List<Evidence>> bant(StageText stage) {
        List<Evidence> answered = new ArrayList<>();
        for (QualificationVocabulary.BantQuestion question : QualificationVocabulary.BANT) {
            question.lexicon().firstIn(stage, StageField.ALL).ifPresent(answered::add);
        }
        return answered.size() >= QualificationVocabulary.BANT_QUESTIONS_NEEDED
                ? Optional.of(answered)
                : Optional.empty();
    }

    static Optional<Finding> finding(QualificationCheck check, List<StageAudit> stages) {
        if (check.present()) {
            return Optional.empty();
        }
        StageDefinition qualification = TemplatePlacement.templateStage("qualification");
        return Optional.of(new Finding(AuditRule.NO_QUALIFICATION_STAGE, null, null, null,
                "No stage qualifies deals: none is named after qualification or asks for budget, decision maker, "
                        + "need and timing.",
                "Qualification is the key stage: the decision maker confirms the problem, the solution and its "
                        + "benefit, and agrees deadline, budget and a deal plan. Deals that skip qualification are "
                        + "lost more often, and without the stage the pipeline cannot even show which deals skipped "
                        + "it.",
                "Add a stage '" + qualification.name() + "' " + where(stages) + ", left when: "
                        + Sentences.lowerFirst(qualification.exitCriterion()) + ". Once deals move through it, "
                        + "skipImpact shows whether the deals that skip it are lost more often."));
    }

    /** After the last stage that reads like contact or profiling, else before the first that reads later. */
    private static String where(List<StageAudit> stages) {
        int qualification = TemplatePlacement.positionOf("qualification");
        StageAudit lastBefore = null;
        StageAudit firstAfter = null;
        for (StageAudit stage : stages) {
            TemplateMatch match = stage.templateStage();
            if (match == null) {
                continue;
            }
            if (match.position() < qualification) {
                lastBefore = stage;
            } else if (firstAfter == null) {
                firstAfter = stage;
            }
        }
        if (lastBefore != null) {
            return "after " + lastBefore.quotedName();
        }
        if (firstAfter != null) {
            return "before " + firstAfter.quotedName();
        }
        return "early in the pipeline, once the client is known to fit the profile";
    }
}
