package io.pipelens.query.deal;

/** Where a deal stands. */
public enum DealStatus {
    OPEN, WON, LOST
}
