package io.pipelens.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every string parses to what Axon's own parser gives, or fails as it does; every instant is written as Axon's own
 * formatter writes it.
 */
class EventTimestampsTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        Random random = new Random(7);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2400-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1_000L;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), nanos);
            String written = DateTimeUtils.formatInstant(instant);

            // Axon writes milliseconds; longer fractions are read below.
            assertThat(EventTimestamps.parse(written)).as(written)
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void writesEveryInstantAsAxonWritesIt() {
        Random random = new Random(13);
        long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            assertThat(EventTimestamps.format(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000000001Z", "2024-02-29T12:00:00.5Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(EventTimestamps.format(instant)).as(edge).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T04:38:05Z", "2026-11-27T04:38:05.1Z", "2026-11-27T04:38:05.12Z",
            "2026-11-27T04:38:05.1234Z", "2026-11-27T04:38:05.123456789Z", "2024-02-29T23:59:59.999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-27T04:38:05+01:00",
            "2026-11-27T04:38:05.5-03:30", "2026-11-27t04:38:05z", "+12026-11-27T04:38:05Z",
            "2026-11-27T04:38:05.Z"})
    void readsOtherValidShapesAsAxonDoes(String timestamp) {
        assertThat(EventTimestamps.parse(timestamp)).isEqualTo(DateTimeUtils.parseInstant(timestamp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-11-27T24:00:00Z", "2026-11-27T23:60:00Z", "2026-11-27T23:59:60Z",
            "2026-11-27T04:38:05.1234567890Z", "2026-11-27T04:38:05", "2026-11-27 04:38:05Z", "2026-1a-27T04:38:05Z",
            "2026-11-27T04:38:05,1Z", "-026-11-27T04:38:05Z", "2026-11-27T04:38:5Z", ""})
    void refusesWhatAxonRefuses(String timestamp) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(timestamp)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventTimestamps.parse(timestamp)).isInstanceOf(DateTimeParseException.class);
    }
}
