package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;

/** Stages for audit tests: texts that say nothing are neutral, so each test shows only the words it is about. */
final class AuditFixtures {

    static final String NEUTRAL_KEY = "s";
    static final String NEUTRAL_GOAL = "The client is ready for the next step";
    static final String NEUTRAL_EXIT = "Agreed with the client in writing";

    private AuditFixtures() {
    }

    static StageDefinition stage(String key, String name, String goal, String exitCriterion) {
        return new StageDefinition(key, name, goal, exitCriterion, null);
    }

    static StageDefinition named(String name) {
        return stage(NEUTRAL_KEY, name, null, null);
    }

    static StageDefinition keyed(String key) {
        return stage(key, "Stage", null, null);
    }

    static StageDefinition withGoal(String goal) {
        return stage(NEUTRAL_KEY, "Stage", goal, null);
    }

    static StageDefinition withExit(String exitCriterion) {
        return stage(NEUTRAL_KEY, "Stage", null, exitCriterion);
    }

    /** A complete stage: key, name, and a goal and an exit criterion that name no activity and no template stage. */
    static StageDefinition complete(String key, String name) {
        return stage(key, name, "The client sees the point of going on", "The client said so in writing");
    }

    static StageText text(StageDefinition stage) {
        return StageText.of(stage);
    }
}
