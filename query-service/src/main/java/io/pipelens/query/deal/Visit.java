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
 * @param reopened  true when the deal entered the stage by being reopened after a win or a loss, null otherwise (so a
 *                  stored visit carries the field only when it is set). A reopening at the instant of the closing
 *                  touches the closed visit like a move; this tells the two apart, as a close always ends a visit.
 */
public record Visit(String stage, Instant enteredAt, Instant exitedAt, Boolean reopened) {

    public Visit {
        reopened = Boolean.TRUE.equals(reopened) ? Boolean.TRUE : null;
    }

    /** A visit the deal began by being opened or moved. */
    public Visit(String stage, Instant enteredAt, Instant exitedAt) {
        this(stage, enteredAt, exitedAt, null);
    }

    /** The open visit a reopening into {@code stage} begins. */
    public static Visit reopening(String stage, Instant at) {
        return new Visit(stage, at, null, Boolean.TRUE);
    }

    public Visit close(Instant at) {
        return new Visit(stage, enteredAt, at, reopened);
    }

    public boolean isOpen() {
        return exitedAt == null;
    }

    /** True when the deal entered the stage by being reopened. */
    public boolean beganWithReopening() {
        return reopened != null;
    }

    /** Seconds spent in the stage; null while the visit is open. */
    public Long durationSeconds() {
        return exitedAt == null ? null : Duration.between(enteredAt, exitedAt).toSeconds();
    }
}
