package io.pipelens.query.processing;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Caps the rate at which replays handle events, over all processors: {@code pipelens.replay.max-events-per-second}
 * (0, the default, for no cap). A replay reads the whole event store and rewrites every read model as fast as it can,
 * competing with live queries and projections for the database; an operator may rather have it take longer. Live
 * events are never held back.
 *
 * <p>Each replayed event gets the next free slot, slots {@code 1/rate} apart, and the processor's thread sleeps until
 * its slot once that is at least a millisecond away (above 1,000 events/s it sleeps between runs of events, below it
 * before each). This is all a per-event pacing takes, so no rate-limiter library. The cap is at least
 * {@value #MIN_RATE} events/s: the processors renew their token claims once per batch, and a batch of 500 paced
 * slower could outlast a 10 s claim, letting another instance take the segment mid-batch.
 */
@Component
public class ReplayPace {

    private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final int MIN_RATE = 100;

    private final long nanosPerEvent;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextSlot = Long.MIN_VALUE;

    @Autowired
    public ReplayPace(ReplayProperties replays) {
        this(replays.maxEventsPerSecond(), System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    ReplayPace(double maxEventsPerSecond, LongSupplier clock, Sleeper sleeper) {
        if (!(maxEventsPerSecond == 0 || maxEventsPerSecond >= MIN_RATE) || Double.isInfinite(maxEventsPerSecond)) {
            throw new IllegalArgumentException("pipelens.replay.max-events-per-second: must be 0 (no cap) or at least "
                    + MIN_RATE + " events per second (slower, a batch could outlast its processor's token claim), got "
                    + maxEventsPerSecond);
        }
        this.nanosPerEvent = maxEventsPerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / maxEventsPerSecond));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Whether replays are capped at all; without a cap {@link #replayed} returns at once. */
    public boolean capped() {
        return nanosPerEvent != 0;
    }

    /** Called for each replayed event before it is handled: waits for its slot. */
    public void replayed() throws InterruptedException {
        if (nanosPerEvent == 0) {
            return;
        }
        long now = clock.getAsLong();
        long slot;
        synchronized (this) {
            slot = nextSlot == Long.MIN_VALUE || nextSlot - now < 0 ? now : nextSlot;
            nextSlot = slot + nanosPerEvent;
        }
        long wait = slot - now;
        if (wait >= MIN_SLEEP_NANOS) {
            sleeper.sleep(wait);
        }
    }

    /** Sleeps the current thread. */
    @FunctionalInterface
    interface Sleeper {

        void sleep(long nanos) throws InterruptedException;
    }
}
