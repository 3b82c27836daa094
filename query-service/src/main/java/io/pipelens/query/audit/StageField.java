package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;

/** The texts of a stage definition an audit reads. */
public enum StageField {
    KEY, NAME, GOAL, EXIT_CRITERION;

    static final List<StageField> ALL = List.of(values());

    String of(StageDefinition stage) {
        return switch (this) {
            case KEY -> stage.key();
            case NAME -> stage.name();
            case GOAL -> stage.goal();
            case EXIT_CRITERION -> stage.exitCriterion();
        };
    }
}
