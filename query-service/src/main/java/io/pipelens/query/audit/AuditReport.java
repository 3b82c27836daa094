package io.pipelens.query.audit;

import java.util.List;

/**
 * A pipeline definition audited against the 9-stage template.
 *
 * @param verdict       the outcome in one line
 * @param summary       the outcome in numbers
 * @param stages        every stage, in order, as the audit sees it
 * @param qualification whether a qualification-like stage exists
 * @param findings      what is wrong, the pipeline-wide finding first, then by stage
 */
public record AuditReport(String verdict, AuditSummary summary, List<StageAudit> stages,
                          QualificationCheck qualification, List<Finding> findings) {

    public AuditReport {
        stages = List.copyOf(stages);
        findings = List.copyOf(findings);
    }
}
