package io.pipelens.query.analytics.timeinstage;

/**
 * Which of a deal's visits to a stage give its time in stage. Only closed visits are observations; a deal
 * contributes to a stage only when the chosen visits include a closed one.
 */
public enum TimeMode {
    /** The sum of the deal's closed visits to the stage (default). */
    CUMULATIVE,
    /** The deal's first visit to the stage, when that visit is closed. */
    FIRST,
    /** The deal's latest closed visit to the stage (an open visit after it is ignored). */
    LATEST
}
