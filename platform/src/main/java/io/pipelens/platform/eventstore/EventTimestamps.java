package io.pipelens.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads and writes the event table's timestamps. Axon writes them with {@link DateTimeUtils#formatInstant} in one
 * shape, {@code 2026-11-27T04:38:05.123Z} (milliseconds, always UTC; 1 to 9 fraction digits are read the same way),
 * and parses them back with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}, a general parser, costly for a string that
 * a replay reads once per event.
 * That one shape is read and written here digit by digit; anything else (an offset other than {@code Z}, a leap
 * second, a five-digit year) goes to Axon's parser, so every string parses to what Axon's parser gives, or fails as
 * it does.
 */
public final class EventTimestamps {

    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private EventTimestamps() {
    }

    /** The instant {@code timestamp} stands for, as {@link DateTimeUtils#parseInstant} reads it. */
    public static Instant parse(String timestamp) {
        Instant parsed = parseUtc(timestamp);
        return parsed != null ? parsed : DateTimeUtils.parseInstant(timestamp);
    }

    /**
     * {@code instant} as {@link DateTimeUtils#formatInstant} writes it: {@code 2026-11-27T04:38:05.123Z}, the fraction
     * cut to milliseconds. Years outside 0 to 9999 (written with a sign or more digits) go to Axon's formatter.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return DateTimeUtils.formatInstant(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        byte[] text = new byte[24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        put(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} as {@code width} decimal digits at {@code at}. */
    private static void put(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
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
