package io.pipelens.query.analytics.funnel;

/**
 * Who counts as having been at a stage. {@link #IMPLIED} (default): every deal whose highest position is at or beyond
 * the stage, so a deal that skipped it passed through it implicitly. {@link #STRICT}: only deals with a visit to it.
 */
public enum FunnelPolicy {
    IMPLIED, STRICT
}
