package io.pipelens.query.audit;

/**
 * The audit in numbers.
 *
 * @param score                      share of checks passed, 0 to 100: one check per stage (it {@link
 *                                   StageAudit#passed() passed}) and one for the pipeline (it has a qualification
 *                                   stage)
 * @param stages                     stages audited
 * @param passedStages               stages that passed every stage check
 * @param activityStages             stages named after seller activities
 * @param stagesWithoutGoal          stages with no goal
 * @param stagesWithoutExitCriterion stages with no exit criterion
 * @param outOfOrderStages           stages out of template order
 * @param stagesMatchedToTemplate    stages that read like some template stage
 * @param templateStagesCovered      template stages (of 9) that some stage reads like
 * @param hasQualificationStage      whether a qualification-like stage exists
 * @param findings                   findings in all
 */
public record AuditSummary(int score, int stages, int passedStages, int activityStages, int stagesWithoutGoal,
                           int stagesWithoutExitCriterion, int outOfOrderStages, int stagesMatchedToTemplate,
                           int templateStagesCovered, boolean hasQualificationStage, int findings) {
}
