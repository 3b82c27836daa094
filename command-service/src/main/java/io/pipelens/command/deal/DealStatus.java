package io.pipelens.command.deal;

/** Where a deal stands: open at a stage, or closed as won or lost. */
enum DealStatus {
    OPEN, WON, LOST
}
