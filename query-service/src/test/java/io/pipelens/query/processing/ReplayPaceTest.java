package io.pipelens.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Replayed events are spaced 1/rate apart on a clock the test moves; no cap sleeps never. */
class ReplayPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    private ReplayPace pace(double rate) {
        return new ReplayPace(rate, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void aCappedReplayTakesAsLongAsItsEventsAtTheRate() throws InterruptedException {
        ReplayPace pace = pace(1_000);
        long start = now.get();
        assertThat(pace.capped()).isTrue();

        for (int i = 0; i < 5_000; i++) {
            pace.replayed();
        }

        // The 5,000th event's slot is 4,999 ms after the first, which went at once.
        assertThat(now.get() - start).isEqualTo(4_999_000_000L);
        assertThat(sleeps).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(1_000_000L));
    }

    @Test
    void aProcessorSlowerThanTheCapIsNotHeldBack() throws InterruptedException {
        ReplayPace pace = pace(1_000);
        for (int i = 0; i < 100; i++) {
            pace.replayed();
            now.addAndGet(2_000_000);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void noCapNeverSleeps() throws InterruptedException {
        ReplayPace pace = pace(0);
        assertThat(pace.capped()).isFalse();
        for (int i = 0; i < 10_000; i++) {
            pace.replayed();
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void refusesANegativeOrUnboundedRateNamingTheProperty() {
        for (double rate : new double[] {-1, 50, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> pace(rate)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pipelens.replay.max-events-per-second");
        }
    }
}
