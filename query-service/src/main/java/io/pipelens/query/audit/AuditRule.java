package io.pipelens.query.audit;

/** The checks of a pipeline audit, each giving findings of its own kind. */
public enum AuditRule {
    /** The pipeline has no qualification-like stage. */
    NO_QUALIFICATION_STAGE,
    /** A stage is named after something the seller does rather than a state the client reaches. */
    ACTIVITY_STAGE,
    /** A stage has no goal. */
    MISSING_GOAL,
    /** A stage has no exit criterion. */
    MISSING_EXIT_CRITERION,
    /** A stage reads like a template stage that comes before the template stage of an earlier stage. */
    OUT_OF_ORDER
}
