package io.pipelens.platform.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event table's timestamps. Axon writes them with {@link DateTimeUtils#formatInstant} in one shape,
 * {@code 2026-11-27T04:38:05.123Z} (milliseconds, always UTC; 1 to 9 fraction digits are read the same way), and
 * parses them back with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}, a general parser, costly for a string that a
 * replay reads once per event.
 * That one shape is read here digit by digit; anything else (an offset other than {@code Z}, a leap second, a
 * five-digit year) goes to Axon's parser, so every string parses to what Axon's parser gives, or fails as it does.
 */
public final class EventTimestamps {

    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private EventTimestamps() {
    }

    /** The instant {@code timestamp} stands for, as {@link DateTimeUtils#parseInstant} reads it. */
    public static Instant parse(String timestamp) {
        Instant parsed = parseUtc(timestamp);
        return parsed != null ? parsed : DateTimeUtils.parseInstant(timestamp);
    }

    /** The instant, if {@code s} has the shape Axon writes and names a valid time; null otherwise. */
    private static Instant parseUtc(String s) {
        int length = s.length();
        if (length < 20 || length == 21 || length > 30 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(s, 20, length - 1);
            if (s.charAt(19) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[length - 22];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written in {@code s[from, to)}, ASCII digits only; -1 if any character is not one. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
