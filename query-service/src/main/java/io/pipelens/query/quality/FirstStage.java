package io.pipelens.query.quality;

/**
 * How many of the selected deals start their path at one stage of the version.
 *
 * @param position the stage's position, from 1
 * @param key      the stage's key
 * @param deals    deals whose first visit (after mapping and absorption) is this stage
 */
public record FirstStage(int position, String key, int deals) {
}
