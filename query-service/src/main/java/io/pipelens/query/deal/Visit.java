package io.pipelens.query.deal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * @param closedAs  WON or LOST when the visit ended with the deal being won or lost; null when it ended with a move,
 *                  goes on, or was stored before this was kept. It says how a deal stood between a closing and a
 *                  later reopening, which the deal's final status does not.
 * @param confirmedCriteria the exit criteria the move or win that ended the visit confirmed, as recorded: null when
 *                  not recorded (also for visits stored before this was kept), empty when none was confirmed
 */
public record Visit(String stage, Instant enteredAt, Instant exitedAt, Boolean reopened, DealStatusView closedAs,
                    List<String> confirmedCriteria) {

    public Visit {
        reopened = Boolean.TRUE.equals(reopened) ? Boolean.TRUE : null;
        closedAs = closedAs == DealStatusView.OPEN ? null : closedAs;
    }

    public Visit(String stage, Instant enteredAt, Instant exitedAt, Boolean reopened, DealStatusView closedAs) {
        this(stage, enteredAt, exitedAt, reopened, closedAs, null);
    }

    /** A visit the deal began by being opened or moved. */
    public Visit(String stage, Instant enteredAt, Instant exitedAt) {
        this(stage, enteredAt, exitedAt, null, null);
    }

    public Visit(String stage, Instant enteredAt, Instant exitedAt, Boolean reopened) {
        this(stage, enteredAt, exitedAt, reopened, null);
    }

    /** The open visit a reopening into {@code stage} begins. */
    public static Visit reopening(String stage, Instant at) {
        return new Visit(stage, at, null, Boolean.TRUE, null);
    }

    /**
     * The visit ended at {@code at} by a move ({@code how} null) or by the deal being won or lost, with the criteria
     * that exit confirmed ({@code confirmed} null when it recorded none).
     */
    public Visit close(Instant at, DealStatusView how, List<String> confirmed) {
        return new Visit(stage, enteredAt, at, reopened, how, confirmed);
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
