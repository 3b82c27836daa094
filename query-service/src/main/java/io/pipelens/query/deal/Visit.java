package io.pipelens.query.deal;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time a deal spent at one stage, as recorded (stage keys are those of the events, before any pipeline
 * version maps them).
 *
 * @param stage     the stage key
 * @param enteredAt business time the deal entered the stage
 * @param exitedAt  business time it left (moved, won or lost); null while it is still there
 */
public record Visit(String stage, Instant enteredAt, Instant exitedAt) {

    public Visit close(Instant at) {
        return new Visit(stage, enteredAt, at);
    }

    public boolean isOpen() {
        return exitedAt == null;
    }

    /** Seconds spent in the stage; null while the visit is open. */
    public Long durationSeconds() {
        return exitedAt == null ? null : Duration.between(enteredAt, exitedAt).toSeconds();
    }
}
