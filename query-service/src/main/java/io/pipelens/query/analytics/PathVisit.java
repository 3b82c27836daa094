package io.pipelens.query.analytics;

import java.time.Instant;

/**
 * A visit on a deal's path under one pipeline version, after mapping, absorption and merging.
 *
 * @param position  stage position, from 1
 * @param enteredAt when the deal entered the stage
 * @param exitedAt  when it left (moved, won or lost); null while it is there
 */
public record PathVisit(int position, Instant enteredAt, Instant exitedAt) {
}
