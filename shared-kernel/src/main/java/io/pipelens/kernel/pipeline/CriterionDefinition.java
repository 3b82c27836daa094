package io.pipelens.kernel.pipeline;

/**
 * One item of a stage's exit criterion checklist: something the seller confirms before the deal leaves the stage.
 *
 * @param key  stable identifier, unique within its stage, used by {@code confirmedCriteria} on moves and wins
 * @param text what must be true, as the seller reads it
 */
public record CriterionDefinition(String key, String text) {
}
