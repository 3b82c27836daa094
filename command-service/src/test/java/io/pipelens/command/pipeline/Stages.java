package io.pipelens.command.pipeline;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.Arrays;
import java.util.List;

/**
 * Stage lists for pipeline tests. {@link #ACTIVITY_BASED} is a pipeline as teams often start it, with activities
 * ("call", "proposal") among its stages; {@link #GOAL_BASED} is what it becomes once those are replaced by goals.
 */
final class Stages {

    static final List<StageDefinition> ACTIVITY_BASED = stages("contact", "call", "qualification", "proposal", "signing");
    static final List<StageDefinition> GOAL_BASED = stages("contact", "profiling", "qualification", "terms", "signing");

    private Stages() {
    }

    static StageDefinition stage(String key) {
        return new StageDefinition(key, "Stage " + key, "the client reached " + key, "exit from " + key, null);
    }

    static List<StageDefinition> stages(String... keys) {
        return Arrays.stream(keys).map(Stages::stage).toList();
    }
}
