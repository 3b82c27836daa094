package io.pipelens.query.analytics.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods of a trend (DESIGN §10.2), in UTC. */
public enum TrendInterval {

    /** Weeks from Monday 00:00 UTC. */
    WEEK {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    /** Calendar months from the 1st, 00:00 UTC. */
    MONTH {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    /** The first day of the period holding {@code day}. */
    abstract LocalDate startOf(LocalDate day);

    /** The first day of the period after the one that starts on {@code start}. */
    abstract LocalDate next(LocalDate start);

    static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
