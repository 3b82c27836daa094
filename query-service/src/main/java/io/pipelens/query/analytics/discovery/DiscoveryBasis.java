package io.pipelens.query.analytics.discovery;

/** Which closed deals stage discovery samples (DESIGN §9.3). */
public enum DiscoveryBasis {
    /** Won deals. */
    WON,
    /** Won deals, and lost deals whose highest position reached a given stage. */
    REACHED
}
