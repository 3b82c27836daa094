package io.pipelens.command.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an event log's rows become deal changes: which columns hold what, what each activity value means and how
 * timestamps are written. A generic process-mining log (case, activity, timestamp) needs nothing else.
 *
 * @param columns    the columns (CSV header names or NDJSON field names)
 * @param activities what the values of the stage-or-activity column (and of the outcome column) mean
 * @param time            how the timestamp column is written
 * @param defaultCurrency the ISO-4217 currency of an amount whose row gives none; null when an amount needs one
 * @param dealIdPrefix    put before every deal id of the file ({@code web-} makes {@code c-7} the deal
 *                        {@code web-c-7}), so the same log can be imported into a second pipeline; null for none
 * @param lifecycle       which rows to read by their lifecycle transition; {@link Lifecycle#ALL} reads every row
 */
public record ImportMapping(Columns columns, Activities activities, TimeFormat time, String defaultCurrency,
                            String dealIdPrefix, Lifecycle lifecycle) {

    public ImportMapping {
        lifecycle = lifecycle == null ? Lifecycle.ALL : lifecycle;
    }

    public ImportMapping(Columns columns, Activities activities, TimeFormat time) {
        this(columns, activities, time, null, null, Lifecycle.ALL);
    }

    /**
     * The defaults of an XES log: the trace's name is the deal ({@code case:concept:name}), the event's name the
     * activity ({@code concept:name}), {@code time:timestamp} the time.
     */
    public static ImportMapping xes() {
        return new ImportMapping(Columns.of(XesReader.TRACE_PREFIX + "concept:name", "time:timestamp", "concept:name"),
                Activities.DEFAULT, TimeFormat.ISO);
    }

    /** The defaults: {@code deal_id}, {@code timestamp}, {@code stage}, ISO-8601 times, won/lost words. */
    public static ImportMapping defaults() {
        return new ImportMapping(Columns.of("deal_id", "timestamp", "stage"), Activities.DEFAULT, TimeFormat.ISO);
    }

    public ImportMapping withColumns(Columns columns) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    public ImportMapping withActivities(Activities activities) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    public ImportMapping withTime(TimeFormat time) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    public ImportMapping withDefaultCurrency(String defaultCurrency) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    public ImportMapping withDealIdPrefix(String dealIdPrefix) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    public ImportMapping withLifecycle(Lifecycle lifecycle) {
        return new ImportMapping(columns, activities, time, defaultCurrency, dealIdPrefix, lifecycle);
    }

    /**
     * Which rows to read by their lifecycle transition, as process-mining logs record an activity's start and end as
     * two events: with {@code keep = {complete}} only the completions are read. A row whose column is empty is read
     * (XES takes an event without a transition as complete); a row naming another transition is skipped on purpose.
     * With a filter the column must be in the file (in a CSV header, on some NDJSON line or XES event), else the
     * filter would read every row unnoticed, as with a mistyped column name.
     *
     * @param column the column of the transition ({@code lifecycle:transition} in XES)
     * @param keep   the transitions to read, compared as activities are; empty: every row
     */
    public record Lifecycle(String column, Set<String> keep) {

        public static final Lifecycle ALL = new Lifecycle("lifecycle:transition", Set.of());

        public Lifecycle {
            keep = Activities.normalized(keep);
        }

        /** Whether only some transitions are read, so the column must be in the file. */
        boolean filters() {
            return !keep.isEmpty();
        }

        /** Why a file without the column is refused: every row would be read, the filter unnoticed. */
        String missing(String where) {
            return "column '" + column + "' named by lifecycleColumn is missing " + where + ", so no row could be"
                    + " filtered by its lifecycle transition (lifecycle: " + String.join(", ", keep) + ")";
        }

        /** Whether a row whose transition is {@code value} (null when empty) is read. */
        boolean keeps(String value) {
            return keep.isEmpty() || value == null || value.isBlank() || keep.contains(Activities.normalize(value));
        }
    }

    /** The deal id a row's id stands for: with the prefix, if any. */
    String dealId(String rowId) {
        return dealIdPrefix == null ? rowId : dealIdPrefix + rowId;
    }

    /**
     * Column names; the first three are required, the others optional (null when the log has no such column).
     *
     * @param deal       the deal (case) id
     * @param time       when the change happened
     * @param activity   the stage the deal entered, or an activity (mapped by {@link Activities})
     * @param outcome    when not empty on a row, the row is a close (its value must be a won or lost word) or ignored
     * @param lostReason why a deal was lost; the lost word itself when absent or empty
     * @param confirmedCriteria on a stage or won row, the exit criteria keys of the stage left that were confirmed,
     *                   separated by ';': empty when not recorded, '-' when none was confirmed
     * @param expectedCloseDate the date the deal is expected to close on, {@code yyyy-MM-dd}: empty keeps the last one
     */
    public record Columns(String deal, String time, String activity, String outcome, String owner, String source,
                          String segment, String amount, String currency, String lostReason,
                          String confirmedCriteria, String expectedCloseDate) {

        public Columns(String deal, String time, String activity, String outcome, String owner, String source,
                       String segment, String amount, String currency, String lostReason) {
            this(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason, null, null);
        }

        public static Columns of(String deal, String time, String activity) {
            return new Columns(deal, time, activity, null, null, null, null, null, null, null);
        }

        public Columns withOutcome(String outcome) {
            return new Columns(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason,
                    confirmedCriteria, expectedCloseDate);
        }

        public Columns withAttributes(String owner, String source, String segment, String amount, String currency) {
            return new Columns(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason,
                    confirmedCriteria, expectedCloseDate);
        }

        public Columns withLostReason(String lostReason) {
            return new Columns(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason,
                    confirmedCriteria, expectedCloseDate);
        }

        public Columns withConfirmedCriteria(String confirmedCriteria) {
            return new Columns(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason,
                    confirmedCriteria, expectedCloseDate);
        }

        public Columns withExpectedCloseDate(String expectedCloseDate) {
            return new Columns(deal, time, activity, outcome, owner, source, segment, amount, currency, lostReason,
                    confirmedCriteria, expectedCloseDate);
        }
    }

    /**
     * What activity values mean. Values are compared trimmed, ignoring case, and with spaces, hyphens and
     * underscores alike ({@code Closed Lost} is {@code closed_lost}). A value that is none of these and is
     * a stage key of the pipeline's current version is that stage (identity).
     *
     * @param stages value → stage key, for activities that stand for a stage ({@code call → contact})
     * @param won    values that close the deal as won
     * @param lost   values that close the deal as lost
     * @param ignore values whose rows are skipped (reported, not an error)
     */
    public record Activities(Map<String, String> stages, Set<String> won, Set<String> lost, Set<String> ignore) {

        private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_-]+");

        public static final Activities DEFAULT = new Activities(Map.of(), Set.of("won", "closed_won"),
                Set.of("lost", "closed_lost"), Set.of());

        public Activities {
            Map<String, String> normalized = new LinkedHashMap<>();
            (stages == null ? Map.<String, String>of() : stages).forEach((k, v) -> normalized.put(normalize(k), v));
            stages = java.util.Collections.unmodifiableMap(normalized);
            won = normalized(won);
            lost = normalized(lost);
            ignore = normalized(ignore);
        }

        public Activities withStages(Map<String, String> stages) {
            return new Activities(stages, won, lost, ignore);
        }

        public Activities withIgnore(Set<String> ignore) {
            return new Activities(stages, won, lost, ignore);
        }

        /** Trimmed, lower case, with runs of spaces, hyphens and underscores as one underscore. */
        static String normalize(String value) {
            return value == null ? "" : SEPARATORS.matcher(value.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
        }

        static Set<String> normalized(Set<String> values) {
            Set<String> result = new LinkedHashSet<>();
            if (values != null) {
                values.forEach(v -> result.add(normalize(v)));
            }
            return java.util.Collections.unmodifiableSet(result);
        }
    }

    /**
     * How timestamps are written: ISO-8601 with an offset ({@code 2026-01-05T09:00:00Z}, {@code ...+01:00}) when
     * {@code pattern} is null, else a {@link DateTimeFormatter} pattern read in {@code zone} (unless the pattern
     * holds an offset or zone itself). A date-only pattern means the start of that day.
     */
    public record TimeFormat(String pattern, ZoneId zone) {

        public static final TimeFormat ISO = new TimeFormat(null, null);

        public TimeFormat {
            if (pattern != null) {
                DateTimeFormatter.ofPattern(pattern);
            }
        }

        public static TimeFormat pattern(String pattern, ZoneId zone) {
            return new TimeFormat(pattern, zone == null ? ZoneId.of("UTC") : zone);
        }

        /** The instant {@code value} names. */
        public Instant parse(String value) throws DateTimeException {
            if (pattern == null) {
                return OffsetDateTime.parse(value.trim()).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone).parse(value.trim());
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(parsed);
            }
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.from(parsed).atZone(zone).toInstant();
            }
            return LocalDate.from(parsed).atStartOfDay(zone).toInstant();
        }

        /** Says what a timestamp should look like, for error messages. */
        public String describe() {
            return pattern == null
                    ? "ISO-8601 with an offset, e.g. 2026-01-05T09:00:00Z or 2026-01-05T10:00:00+01:00"
                    : "the pattern '" + pattern + "' in zone " + zone;
        }
    }
}
