package io.pipelens.query.analytics;

/** How a deal stands now: still open, won, or lost. */
public enum Outcome {
    OPEN, WON, LOST
}
