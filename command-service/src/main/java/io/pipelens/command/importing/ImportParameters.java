package io.pipelens.command.importing;

import io.pipelens.command.importing.ImportMapping.Activities;
import io.pipelens.command.importing.ImportMapping.Columns;
import io.pipelens.command.importing.ImportMapping.TimeFormat;
import io.pipelens.kernel.Keys;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of an import as query parameters (HTTP) or command-line options (CLI), all optional but
 * {@code pipelineId}. Lists are comma-separated; {@code map} is {@code value:stage,value:stage}; {@code source} names
 * the file in the import's record; {@code defaultCurrency} is the currency of amounts given without one;
 * {@code dealIdPrefix} goes before every deal id of the file; {@code lifecycle} lists the lifecycle transitions read
 * (in {@code lifecycleColumn}), the others being skipped; {@code stagesFromActivities} defines the pipeline from the
 * log's activities, and excludes {@code map}; {@code confirmedCriteriaColumn} holds, on stage and won rows, the exit
 * criteria confirmed on leaving the previous stage ({@code budget;deadline}, '-' for none);
 * {@code expectedCloseDateColumn} holds the date the deal is expected to close on ({@code 2026-03-31}).
 */
record ImportParameters(String pipelineId, String format, Boolean skipBadRows, Boolean dryRun,
                               String delimiter,
                               String dealColumn, String timeColumn, String stageColumn, String outcomeColumn,
                               String ownerColumn, String sourceColumn, String segmentColumn, String amountColumn,
                               String currencyColumn, String lostReasonColumn, String won, String lost, String ignore,
                               String map, String timePattern, String zone, String source,
                               String defaultCurrency, String dealIdPrefix, String lifecycle,
                               String lifecycleColumn, Boolean stagesFromActivities,
                               String confirmedCriteriaColumn, String expectedCloseDateColumn) {

    /** The longest deal id prefix: it leaves room for the file's own id within a key's 64 characters. */
    static final int MAX_PREFIX = 32;

    /**
     * The options and mapping these parameters describe.
     *
     * @param contentType the request's content type, which chooses the format when {@code format} is not given
     * @throws ImportRejectedException naming every parameter that is wrong
     */
    public Parsed parse(String contentType) {
        List<ImportProblem> problems = new ArrayList<>();
        ImportOptions.ImportFormat chosen = ImportOptions.ImportFormat.CSV;
        String formatName = blank(format) ? formatOf(contentType) : format.trim();
        try {
            chosen = ImportOptions.ImportFormat.valueOf(formatName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.ofFile("format", ProblemCode.INVALID_PARAMETER, "'" + formatName + "' is not a format; use csv, ndjson or xes"));
        }
        char delimiterChar = ',';
        if (!blank(delimiter)) {
            String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1) {
                problems.add(ImportProblem.ofFile("delimiter", ProblemCode.INVALID_PARAMETER, "must be one character (or 'tab'), was '" + delimiter
                        + "'"));
            } else {
                delimiterChar = d.charAt(0);
            }
        }
        Columns defaults = (chosen == ImportOptions.ImportFormat.XES ? ImportMapping.xes() : ImportMapping.defaults())
                .columns();
        Columns columns = new Columns(or(dealColumn, defaults.deal()), or(timeColumn, defaults.time()),
                or(stageColumn, defaults.activity()), orNull(outcomeColumn), orNull(ownerColumn), orNull(sourceColumn),
                orNull(segmentColumn), orNull(amountColumn), orNull(currencyColumn), orNull(lostReasonColumn),
                orNull(confirmedCriteriaColumn), orNull(expectedCloseDateColumn));
        Map<String, String> stages = new LinkedHashMap<>();
        for (String pair : list(map)) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                problems.add(ImportProblem.ofFile("map", ProblemCode.INVALID_PARAMETER, "'" + pair + "' is not value:stage"));
            } else {
                stages.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        Activities activities = new Activities(stages, set(won, "won,closed_won"), set(lost, "lost,closed_lost"),
                set(ignore, ""));
        TimeFormat time = TimeFormat.ISO;
        if (!blank(timePattern)) {
            try {
                time = TimeFormat.pattern(timePattern, ZoneId.of(or(zone, "UTC")));
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.ofFile("timePattern", ProblemCode.INVALID_PARAMETER, "'" + timePattern + "' is not a date-time pattern: "
                        + e.getMessage()));
            } catch (DateTimeException e) {
                problems.add(ImportProblem.ofFile("zone", ProblemCode.INVALID_PARAMETER, "'" + zone + "' is not a time zone; use e.g. UTC or "
                        + "Europe/Berlin"));
            }
        }
        String currency = currency(problems);
        String prefix = orNull(dealIdPrefix);
        if (prefix != null && (Keys.problemWith(prefix) != null || prefix.length() > MAX_PREFIX)) {
            problems.add(ImportProblem.ofFile("dealIdPrefix", ProblemCode.INVALID_PARAMETER, "'" + prefix + "' is not"
                    + " a deal id prefix: use 1 to " + MAX_PREFIX + " letters, digits, '-', '_', '.' or ':', starting"
                    + " with a letter or digit (e.g. web-)"));
        }
        boolean fromActivities = Boolean.TRUE.equals(stagesFromActivities);
        if (fromActivities && !stages.isEmpty()) {
            problems.add(ImportProblem.ofFile("map", ProblemCode.INVALID_PARAMETER, "cannot be used with"
                    + " stagesFromActivities: each activity becomes a stage of its own"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems, problems.size());
        }
        return new Parsed(new ImportOptions(chosen, delimiterChar, Boolean.TRUE.equals(skipBadRows),
                Boolean.TRUE.equals(dryRun), orNull(source), fromActivities),
                new ImportMapping(columns, activities, time, currency, prefix, new ImportMapping.Lifecycle(
                        or(lifecycleColumn, ImportMapping.Lifecycle.ALL.column()), set(lifecycle, ""))));
    }

    /** The format a content type names: NDJSON, XES (XML), else CSV; gzip says nothing of what it holds. */
    private static String formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("ndjson") ? "ndjson" : type.contains("xml") || type.contains("xes") ? "xes" : "csv";
    }

    /** The default currency, upper case; null when not given or wrong (then a problem is added). */
    private String currency(List<ImportProblem> problems) {
        String code = orNull(defaultCurrency);
        if (code == null) {
            return null;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        try {
            if (upper.matches("[A-Z]{3}") && Currency.getInstance(upper) != null) {
                return upper;
            }
        } catch (IllegalArgumentException e) {
            // not a code the JDK knows: reported below
        }
        problems.add(ImportProblem.ofFile("defaultCurrency", ProblemCode.INVALID_PARAMETER, "'" + code + "' is not an"
                + " ISO-4217 currency code; use three letters such as EUR or USD"));
        return null;
    }

    /** Options and mapping. */
    record Parsed(ImportOptions options, ImportMapping mapping) {
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value.trim();
    }

    private static String orNull(String value) {
        return blank(value) ? null : value.trim();
    }

    private static List<String> list(String value) {
        return blank(value) ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> set(String value, String fallback) {
        return new LinkedHashSet<>(list(value == null ? fallback : value));
    }
}
