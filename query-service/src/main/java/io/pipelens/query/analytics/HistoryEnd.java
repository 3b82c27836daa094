package io.pipelens.query.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an answer reads a history that ended long before its asOf (DESIGN §10.1): a log imported from years ago,
 * read "as of now", shows every open deal as years old and no exits in any recent window. The answer says so, and how
 * to read the history as of its end instead.
 */
final class HistoryEnd {

    /** asOf may lie this far after the last deal event without a note. */
    static final Duration QUIET = Duration.ofDays(30);

    private HistoryEnd() {
    }

    /** The note for an answer as of {@code asOf} with its last deal event at {@code lastEventAt}; null when none. */
    static String note(Instant asOf, Instant lastEventAt) {
        if (lastEventAt == null || !asOf.isAfter(lastEventAt.plus(QUIET))) {
            return null;
        }
        long days = Duration.between(lastEventAt, asOf).toDays();
        return "asOf " + asOf + " is " + days + " days after the last deal event, at " + lastEventAt
                + ": a historical import read as of now? Ages and exits as of " + asOf + " see " + days
                + " days without a change; pass asOf (e.g. asOf: \"" + lastEventAt + "\") to read the history as of its"
                + " end";
    }
}
