package io.pipelens.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Decides the business time of a change: the time the command gives, or the service clock when it gives none. A time
 * may not lie ahead of the clock by more than a small tolerance for clock skew, nor before the deal's last transition.
 */
public final class BusinessTime {

    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private BusinessTime() {
    }

    /** Business time is kept to the millisecond, the precision every store of Pipelens keeps. */
    public static Instant normalize(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant of(Instant requested, Clock clock) {
        Instant now = normalize(clock.instant());
        if (requested == null) {
            return now;
        }
        requested = normalize(requested);
        if (requested.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new CommandRejectedException("occurredAt", requested + " lies in the future (the service clock reads "
                    + now + ")");
        }
        return requested;
    }

    public static Instant notBefore(Instant requested, Instant last, Clock clock) {
        Instant at = of(requested, clock);
        if (requested == null && last != null && at.isBefore(last)) {
            return last;
        }
        if (last != null && at.isBefore(last)) {
            throw new CommandRejectedException("occurredAt", at + " is earlier than the deal's last transition at "
                    + last + "; a deal's transitions must be in time order");
        }
        return at;
    }
}
