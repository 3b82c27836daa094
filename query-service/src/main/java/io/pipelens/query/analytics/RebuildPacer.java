package io.pipelens.query.analytics;

/**
 * Called before each journey a background rebuild of a version's index loads. Production uses {@link #NONE}; a test
 * gives one that holds the rebuild at a chosen point, so what queries answer mid-rebuild is checked without sleeps.
 */
@FunctionalInterface
public interface RebuildPacer {

    RebuildPacer NONE = index -> {
    };

    void loaded(VersionIndex index);
}
