package io.pipelens.query.deal;

/** Where a deal stands: the GraphQL enum {@code DealStatus} of {@code deals.graphqls}. */
public enum DealStatusView {
    OPEN, WON, LOST
}
