package io.pipelens.command.importing;

/**
 * How one file is read and what happens to bad rows.
 *
 * @param format      CSV (with a header row), NDJSON (one JSON object per line) or XES (IEEE 1849); any of them may
 *                    be gzipped
 * @param delimiter   the CSV field delimiter
 * @param skipBadRows when true, invalid rows are skipped and listed and the valid ones imported; when false (the
 *                    default) one invalid row refuses the whole file and nothing is appended
 * @param dryRun      when true, everything is checked (against the event store too) and nothing is appended; the
 *                    summary says what an import would append
 * @param source      the file's name as given, for the import's record; null when unknown
 * @param stagesFromActivities when true, the pipeline must not exist yet: the import defines it with one stage per
 *                    distinct activity of the log, in the order stage discovery gives them (DESIGN §9.3)
 */
public record ImportOptions(ImportFormat format, char delimiter, boolean skipBadRows, boolean dryRun, String source,
                            boolean stagesFromActivities) {

    public ImportOptions(ImportFormat format, char delimiter, boolean skipBadRows, boolean dryRun, String source) {
        this(format, delimiter, skipBadRows, dryRun, source, false);
    }

    public ImportOptions(ImportFormat format, char delimiter, boolean skipBadRows, boolean dryRun) {
        this(format, delimiter, skipBadRows, dryRun, null, false);
    }

    public static ImportOptions csv() {
        return new ImportOptions(ImportFormat.CSV, ',', false, false);
    }

    public static ImportOptions ndjson() {
        return new ImportOptions(ImportFormat.NDJSON, ',', false, false);
    }

    public static ImportOptions xes() {
        return new ImportOptions(ImportFormat.XES, ',', false, false);
    }

    public ImportOptions withDelimiter(char delimiter) {
        return new ImportOptions(format, delimiter, skipBadRows, dryRun, source, stagesFromActivities);
    }

    public ImportOptions skippingBadRows() {
        return new ImportOptions(format, delimiter, true, dryRun, source, stagesFromActivities);
    }

    public ImportOptions dryRunOnly() {
        return new ImportOptions(format, delimiter, skipBadRows, true, source, stagesFromActivities);
    }

    public ImportOptions withSource(String source) {
        return new ImportOptions(format, delimiter, skipBadRows, dryRun, source, stagesFromActivities);
    }

    /** The same options, defining the pipeline from the log's activities. */
    public ImportOptions definingStagesFromActivities() {
        return new ImportOptions(format, delimiter, skipBadRows, dryRun, source, true);
    }

    /** The event-log formats. */
    public enum ImportFormat {
        CSV, NDJSON, XES
    }
}
