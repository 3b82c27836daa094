package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The self-check the Solution Sales method asks for (DESIGN §1): a pipeline definition against the 9-stage template.
 * Each rule is a class of its own: {@link ActivityRule}, {@link QualificationRule}, {@link CompletenessRule},
 * {@link TemplatePlacement} with {@link OrderRule}; the words they look for are data in the vocabulary classes.
 */
public final class PipelineAudit {

    private PipelineAudit() {
    }

    public static AuditReport audit(List<StageDefinition> definitions) {
        List<StageText> texts = definitions.stream().map(StageText::of).toList();
        List<TemplateMatch> matches = texts.stream()
                .map(text -> TemplatePlacement.match(text).orElse(null))
                .toList();
        int[] conflicts = OrderRule.conflicts(matches);

        List<StageAudit> stages = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            StageDefinition stage = definitions.get(i);
            stages.add(new StageAudit(i + 1, stage.key(), stage.name(), stage.goal(), stage.exitCriterion(),
                    ActivityRule.match(texts.get(i)).orElse(null), matches.get(i),
                    CompletenessRule.missing(stage.goal()), CompletenessRule.missing(stage.exitCriterion()),
                    conflicts[i] < 0 ? null : definitions.get(conflicts[i]).key()));
        }
        QualificationCheck qualification = QualificationRule.check(texts);

        List<Finding> findings = new ArrayList<>();
        QualificationRule.finding(qualification, stages).ifPresent(findings::add);
        findings.addAll(ActivityRule.findings(stages));
        stages.forEach(stage -> findings.addAll(CompletenessRule.findings(stage)));
        findings.addAll(OrderRule.findings(stages));
        findings.sort(Comparator.comparing(Finding::position, Comparator.nullsFirst(Comparator.naturalOrder())));

        AuditSummary summary = summarise(stages, qualification, findings.size());
        return new AuditReport(verdict(summary, stages, qualification), summary, stages, qualification, findings);
    }

    private static AuditSummary summarise(List<StageAudit> stages, QualificationCheck qualification, int findings) {
        int passed = count(stages, StageAudit::passed);
        int checksPassed = passed + (qualification.present() ? 1 : 0);
        int score = (int) Math.round(100.0 * checksPassed / (stages.size() + 1));
        int covered = (int) stages.stream()
                .map(StageAudit::templateStage)
                .filter(Objects::nonNull)
                .map(TemplateMatch::key)
                .distinct()
                .count();
        return new AuditSummary(score, stages.size(), passed,
                count(stages, stage -> stage.activity() != null),
                count(stages, StageAudit::missingGoal),
                count(stages, StageAudit::missingExitCriterion),
                count(stages, stage -> stage.outOfOrderAfter() != null),
                count(stages, stage -> stage.templateStage() != null),
                covered, qualification.present(), findings);
    }

    private static int count(List<StageAudit> stages, Predicate<StageAudit> test) {
        return (int) stages.stream().filter(test).count();
    }

    /** "Goal-based (score 100/100): ..." or "Needs work (score 43/100): 2 of 6 stages are seller activities ...". */
    static String verdict(AuditSummary summary, List<StageAudit> stages, QualificationCheck qualification) {
        String score = " (score " + summary.score() + "/100): ";
        if (summary.findings() == 0) {
            String qualifying = stages.stream()
                    .filter(stage -> stage.key().equals(qualification.stage()))
                    .findFirst()
                    .map(StageAudit::quotedName)
                    .orElseThrow();
            return "Goal-based" + score + "every stage is a client state with a goal and an exit criterion, in "
                    + "template order, and " + qualifying + " qualifies deals.";
        }
        List<String> problems = new ArrayList<>();
        if (summary.activityStages() > 0) {
            List<String> names = stages.stream().filter(s -> s.activity() != null).map(StageAudit::name).toList();
            problems.add(summary.activityStages() + " of " + Sentences.count(summary.stages(), "stage")
                    + (summary.activityStages() == 1 ? " is a seller activity (" : " are seller activities (")
                    + Sentences.quotedList(names) + ")");
        }
        if (!summary.hasQualificationStage()) {
            problems.add("no qualification stage");
        }
        if (summary.stagesWithoutGoal() > 0) {
            problems.add(Sentences.count(summary.stagesWithoutGoal(), "stage") + " without a goal");
        }
        if (summary.stagesWithoutExitCriterion() > 0) {
            problems.add(Sentences.count(summary.stagesWithoutExitCriterion(), "stage") + " without an exit criterion");
        }
        if (summary.outOfOrderStages() > 0) {
            problems.add(Sentences.count(summary.outOfOrderStages(), "stage") + " out of template order");
        }
        String label = 2 * summary.activityStages() > summary.stages() ? "Activity-based" : "Needs work";
        return label + score + String.join("; ", problems) + ".";
    }
}
