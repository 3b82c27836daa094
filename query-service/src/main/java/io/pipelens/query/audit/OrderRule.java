package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stage that reads like a template stage coming before the template stage of an earlier stage: "Demo"
 * (qualification) after "Proposal" (terms). Stages that read like none are left out; two stages that read like the
 * same template stage are in order.
 */
final class OrderRule {

    private OrderRule() {
    }

    /**
     * For each stage, the index of the earlier stage it conflicts with, or -1: of the earlier stages whose template
     * stage comes after its own, the one furthest along the template (the first of them on a tie).
     */
    static int[] conflicts(List<TemplateMatch> matches) {
        int[] conflicts = new int[matches.size()];
        Arrays.fill(conflicts, -1);
        for (int j = 0; j < matches.size(); j++) {
            if (matches.get(j) == null) {
                continue;
            }
            int worst = -1;
            for (int i = 0; i < j; i++) {
                TemplateMatch earlier = matches.get(i);
                if (earlier != null && earlier.position() > matches.get(j).position()
                        && (worst < 0 || earlier.position() > matches.get(worst).position())) {
                    worst = i;
                }
            }
            conflicts[j] = worst;
        }
        return conflicts;
    }

    static List<Finding> findings(List<StageAudit> stages) {
        List<Finding> findings = new ArrayList<>();
        for (StageAudit stage : stages) {
            if (stage.outOfOrderAfter() == null) {
                continue;
            }
            StageAudit earlier = stages.stream()
                    .filter(s -> s.key().equals(stage.outOfOrderAfter()))
                    .findFirst()
                    .orElseThrow();
            TemplateMatch own = stage.templateStage();
            TemplateMatch theirs = earlier.templateStage();
            String message = "Stage " + stage.quotedName() + " reads like template stage " + described(own)
                    + " but comes after " + earlier.quotedName() + ", which reads like " + described(theirs) + ".";
            String why = "The template follows the client's path, and a client in '" + theirs.name() + "' has "
                    + "already passed '" + own.name() + "'. Either deals are asked to reach this state later than they "
                    + "do, or one of the two stages means something other than its words say; either way the "
                    + "funnel counts deals as skipping or going back when they did not.";
            String advice = "Move " + stage.quotedName() + " before " + earlier.quotedName()
                    + ", or rename the stages so that their order follows the template: " + templateOrder() + ".";
            findings.add(new Finding(AuditRule.OUT_OF_ORDER, stage.key(), stage.position(), null, message, why,
                    advice));
        }
        return findings;
    }

    private static String described(TemplateMatch match) {
        return "'" + match.name() + "' (#" + match.position() + ")";
    }

    private static String templateOrder() {
        return String.join(", ", TemplatePlacement.TEMPLATE.stream().map(StageDefinition::key).toList());
    }
}
