package io.pipelens.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fixed business clock of the command tests. History happens in March 2025, in minutes after {@link #START}; the
 * service clock reads {@link #NOW}, well after it, so a command without {@code occurredAt} lands after any history.
 */
public final class BusinessClock {

    public static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    public static final Instant NOW = Instant.parse("2025-03-31T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private BusinessClock() {
    }

    /** Business time {@code minutes} after {@link #START}. */
    public static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }
}
