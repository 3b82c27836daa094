package io.pipelens.command;

import static io.pipelens.command.BusinessClock.CLOCK;
import static io.pipelens.command.BusinessClock.NOW;
import static io.pipelens.command.BusinessClock.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {

    private static final Instant LATEST_ACCEPTED = NOW.plus(Duration.ofMinutes(5));

    @Test
    void takesClockTimeWhenCommandGivesNone() {
        assertThat(BusinessTime.of(null, CLOCK)).isEqualTo(NOW);
    }

    @Test
    void keepsTimeCommandGives() {
        assertThat(BusinessTime.of(at(0), CLOCK)).isEqualTo(at(0));
    }

    @Test
    void acceptsTimeUpToFiveMinutesAheadOfClock() {
        assertThat(BusinessTime.of(LATEST_ACCEPTED, CLOCK)).isEqualTo(LATEST_ACCEPTED);
    }

    @Test
    void rejectsTimeMoreThanFiveMinutesAheadOfClock() {
        assertThatThrownBy(() -> BusinessTime.of(LATEST_ACCEPTED.plusMillis(1), CLOCK))
                .isInstanceOf(CommandRejectedException.class)
                .extracting(e -> ((CommandRejectedException) e).violations())
                .isEqualTo(List.of(new Violation("occurredAt", LATEST_ACCEPTED.plusMillis(1)
                        + " lies in the future (the service clock reads " + NOW + ")")));
    }

    @Test
    void acceptsTimeOfLastTransition() {
        assertThat(BusinessTime.notBefore(at(10), at(10), CLOCK)).isEqualTo(at(10));
    }

    @Test
    void acceptsAnyPastTimeWhenThereIsNoLastTransition() {
        assertThat(BusinessTime.notBefore(at(0), null, CLOCK)).isEqualTo(at(0));
    }

    @Test
    void rejectsTimeBeforeLastTransition() {
        assertThatThrownBy(() -> BusinessTime.notBefore(at(9), at(10), CLOCK))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("occurredAt: " + at(9) + " is earlier than the deal's last transition at " + at(10)
                        + "; a deal's transitions must be in time order");
    }

    @Test
    void rejectsFutureTimeEvenAfterLastTransition() {
        assertThatThrownBy(() -> BusinessTime.notBefore(LATEST_ACCEPTED.plusSeconds(1), at(10), CLOCK))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("lies in the future");
    }

    @Test
    void takesClockTimeAfterLastTransition() {
        assertThat(BusinessTime.notBefore(null, at(10), CLOCK)).isEqualTo(NOW);
    }

    @Test
    void takesTimeOfLastTransitionWhenClockReadsEarlier() {
        Instant aheadOfClock = NOW.plus(Duration.ofMinutes(2));
        assertThat(BusinessTime.notBefore(null, aheadOfClock, CLOCK)).isEqualTo(aheadOfClock);
    }
}
