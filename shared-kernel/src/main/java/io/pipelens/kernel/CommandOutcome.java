package io.pipelens.kernel;

/** What an accepted command did. A rejected command never produces an outcome: it fails with its violations. */
public enum CommandOutcome {
    /** The command's events were appended. */
    APPLIED,
    /** The command repeats a change already recorded, so nothing was appended. */
    DUPLICATE
}
