package io.pipelens.kernel.pipeline;

/**
 * One stage of a pipeline version. A good stage is a goal reached in the client's head, with an exit criterion that
 * says when the client is there.
 *
 * @param key           stable identifier used by deal events
 * @param name          display name
 * @param goal          the client's state this stage aims at (optional, but an audit flags its absence)
 * @param exitCriterion what must be true to leave the stage (optional, but an audit flags its absence)
 * @param expectedDays  how long a deal is expected to stay; older deals count as stuck (optional)
 */
public record StageDefinition(String key, String name, String goal, String exitCriterion, Integer expectedDays) {
}
