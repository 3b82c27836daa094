package io.pipelens.command.importing;

/**
 * Why a row (or a file) was refused or skipped, as a stable kebab-case code beside the readable reason: the texts may
 * be reworded, the codes may not, because clients group problems by them and every recorded import counts its skipped
 * rows by them. docs/import.md lists them.
 */
enum ProblemCode {

    /** The pipeline id is invalid, or no such pipeline is defined. */
    UNKNOWN_PIPELINE,
    /**
     * A query parameter or CLI option is wrong (format, delimiter, map, timePattern, zone, defaultCurrency,
     * dealIdPrefix).
     */
    INVALID_PARAMETER,
    /** The mapping maps an activity to a stage the pipeline does not have. */
    UNKNOWN_MAPPED_STAGE,
    /** The file is empty, or has a header and no data rows. */
    EMPTY_FILE,
    /** The file has more bytes than an import takes. */
    TOO_LARGE,
    /** The file has more rows than an import takes. */
    TOO_MANY_ROWS,
    /** The header has a single column: the file is split on another delimiter than the one given. */
    WRONG_DELIMITER,
    /** A required column, or one the mapping names, is missing from the header. */
    MISSING_COLUMN,
    /** The confirmed criteria are not items of the stage left, repeat one, or come with a move that is no exit. */
    INVALID_CRITERIA,
    /** The file cannot be read past this point: a quote never closed, a broken header, an I/O error. */
    UNREADABLE,
    /** A CSV row with another number of fields than the header: a truncated line, or a stray delimiter. */
    WRONG_FIELD_COUNT,
    /** An NDJSON line longer than a line may be. */
    LINE_TOO_LONG,
    /** An NDJSON line that is not JSON, or not a JSON object. */
    NOT_JSON,
    /** A required value (deal id, timestamp, stage or activity) is empty. */
    MISSING_VALUE,
    /** The deal id is not a valid key. */
    INVALID_DEAL_ID,
    /** The timestamp does not match the expected format. */
    UNPARSABLE_TIMESTAMP,
    /** The timestamp lies ahead of the service clock by more than the tolerance a deal accepts. */
    FUTURE_TIMESTAMP,
    /** The activity is neither a stage of the pipeline nor a mapped, won, lost or ignored value. */
    UNKNOWN_ACTIVITY,
    /** The outcome column holds neither a won, a lost nor an ignored value. */
    UNKNOWN_OUTCOME,
    /** The amount is not a plain number. */
    INVALID_AMOUNT,
    /** The expected close date is not a calendar date written {@code yyyy-MM-dd}. */
    INVALID_CLOSE_DATE,
    /** An attribute is invalid: a bad currency, an amount without one, a value too long. */
    INVALID_ATTRIBUTE,
    /** The lost reason is longer than a deal accepts. */
    REASON_TOO_LONG,
    /** The deal is won or lost before any row gives its stage. */
    CLOSED_BEFORE_OPEN,
    /** The deal is closed as won and as lost (or the reverse) without a stage row reopening it between. */
    CLOSED_TWICE,
    /** The deal's history contradicts what the event store holds (closed there, opened elsewhere, earlier changes). */
    REFUSED_BY_STORE,
    /** Skipped on purpose, not an error: the activity is listed in {@code ignore}. */
    IGNORED_ACTIVITY,
    /** Skipped on purpose, not an error: the deal is already at that stage. */
    ALREADY_AT_STAGE,
    /** Skipped on purpose, not an error: the deal is already closed that way. */
    ALREADY_CLOSED,
    /** Skipped on purpose, not an error: the row's lifecycle transition is not one the import reads. */
    OTHER_LIFECYCLE;

    /** The code as clients see it: {@code unknown-activity}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return code();
    }
}
