package io.pipelens.query.audit;

/**
 * One stage as the audit sees it.
 *
 * @param position             from 1
 * @param key                  stage key
 * @param name                 stage name
 * @param goal                 its goal as defined, or null
 * @param exitCriterion        its exit criterion as defined, or null
 * @param activity             the seller activity it is named after, or null when it is a client state
 * @param templateStage        the template stage it reads like, or null when none can be told
 * @param missingGoal          true when it has no goal
 * @param missingExitCriterion true when it has no exit criterion
 * @param outOfOrderAfter      key of an earlier stage that reads like a later template stage, or null
 */
public record StageAudit(int position, String key, String name, String goal, String exitCriterion,
                         ActivityMatch activity, TemplateMatch templateStage, boolean missingGoal,
                         boolean missingExitCriterion, String outOfOrderAfter) {

    /** True when the stage passes every stage check: a client state with a goal and an exit criterion, in order. */
    public boolean passed() {
        return activity == null && !missingGoal && !missingExitCriterion && outOfOrderAfter == null;
    }

    String quotedName() {
        return "'" + name + "'";
    }
}
