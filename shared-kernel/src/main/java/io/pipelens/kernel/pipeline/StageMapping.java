package io.pipelens.kernel.pipeline;

/**
 * Where a stage key of an earlier version goes in a new version: to a stage of the new version, or absorbed (the old
 * stage was an activity, and time spent there belongs to the neighbouring goal stage).
 *
 * @param from     a stage key used by an earlier version
 * @param to       a stage key of the new version; null when {@code absorbed}
 * @param absorbed true when the old stage is an activity folded into its neighbour
 */
public record StageMapping(String from, String to, boolean absorbed) {

    public static StageMapping to(String from, String to) {
        return new StageMapping(from, to, false);
    }

    public static StageMapping absorbed(String from) {
        return new StageMapping(from, null, true);
    }
}
