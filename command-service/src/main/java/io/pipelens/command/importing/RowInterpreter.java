package io.pipelens.command.importing;

import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.deal.DealAttributes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw row into an {@link ImportRow} by the mapping, checking every value: a deal id, a timestamp in the
 * expected format, an activity that is a stage of the pipeline's current version or is mapped, a numeric amount and
 * valid attributes. Each problem names the row, the column and what was expected.
 */
final class RowInterpreter {

    /** Longest lost reason a deal accepts. */
    static final int MAX_REASON = 500;
    /** How far ahead of the service clock a deal accepts a change (for clock skew), as the Deal aggregate does. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final ImportMapping mapping;
    private final String pipelineId;
    private final CurrentVersion pipeline;
    private final Map<String, String> stagesByValue = new HashMap<>();
    private final Instant now;
    private final ImportHints hints = new ImportHints();

    /**
     * @param clock the service clock: a change later than its time (plus the tolerance) is refused here, as the Deal
     *              aggregate would refuse it, so that a brand-new deal's history needs no check against the store
     */
    RowInterpreter(ImportMapping mapping, String pipelineId, CurrentVersion pipeline, Clock clock) {
        this.now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.mapping = mapping;
        this.pipelineId = pipelineId;
        this.pipeline = pipeline;
        for (String key : pipeline.definition().keys()) {
            stagesByValue.put(ImportMapping.Activities.normalize(key), key);
        }
        // A stage's name stands for it too, after every key: a log whose pipeline was made of its activities
        // (stagesFromActivities) names its stages, so it can be imported again, or continued, without a mapping.
        pipeline.definition().stages().forEach(stage -> stagesByValue.putIfAbsent(
                ImportMapping.Activities.normalize(stage.name()), stage.key()));
        stagesByValue.putAll(mapping.activities().stages());
    }

    /** Problems with the mapping itself: mapped values whose stage is not in the pipeline. */
    void checkMapping(ProblemList problems) {
        mapping.activities().stages().forEach((value, stage) -> {
            if (!pipeline.definition().hasStage(stage)) {
                problems.add(ImportProblem.ofFile("map", ProblemCode.UNKNOWN_MAPPED_STAGE, "'" + value + "' is mapped to '" + stage + "', which is not"
                        + " a stage of " + describePipeline()));
            }
        });
    }

    /** The interpreted row, or null when it has problems (added to {@code problems}). */
    ImportRow interpret(EventLogReader.RawRow raw, ProblemList problems) {
        ImportMapping.Columns c = mapping.columns();
        long row = raw.row();
        long before = problems.total();

        String dealId = raw.get(c.deal());
        if (dealId == null || dealId.isBlank()) {
            problems.add(row, c.deal(), ProblemCode.MISSING_VALUE, "the deal id is missing");
        } else {
            dealId = mapping.dealId(dealId.trim());
            String idProblem = Keys.problemWith(dealId);
            if (idProblem != null) {
                problems.add(row, c.deal(), ProblemCode.INVALID_DEAL_ID, idProblem + (mapping.dealIdPrefix() == null
                        ? "" : " (with the dealIdPrefix '" + mapping.dealIdPrefix() + "')"));
            }
        }

        Instant occurredAt = null;
        String time = raw.get(c.time());
        if (time == null || time.isBlank()) {
            problems.add(row, c.time(), ProblemCode.MISSING_VALUE, "the timestamp is missing; expected " + mapping.time().describe());
        } else {
            try {
                occurredAt = mapping.time().parse(time).truncatedTo(ChronoUnit.MILLIS);
                if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                    problems.add(row, c.time(), ProblemCode.FUTURE_TIMESTAMP, "'" + abbreviate(time) + "' ("
                            + occurredAt + ") lies in the future; the service clock reads " + now);
                }
            } catch (DateTimeException e) {
                problems.add(row, c.time(), ProblemCode.UNPARSABLE_TIMESTAMP, "'" + abbreviate(time) + "' is not a timestamp; expected "
                        + mapping.time().describe());
            }
        }

        ImportRow.Kind kind = null;
        String stage = null;
        String outcome = raw.get(c.outcome());
        String activity = raw.get(c.activity());
        String lostWord = null;
        if (outcome != null && !outcome.isBlank()) {
            kind = closing(outcome);
            lostWord = outcome.trim();
            if (kind == null) {
                problems.add(row, c.outcome(), ProblemCode.UNKNOWN_OUTCOME, "'" + abbreviate(outcome) + "' is not a won, lost or ignored value;"
                        + " won: " + mapping.activities().won() + ", lost: " + mapping.activities().lost());
            }
        } else if (activity == null || activity.isBlank()) {
            problems.add(row, c.activity(), ProblemCode.MISSING_VALUE, "the stage or activity is missing");
            if (c.outcome() == null) {
                hints.missingActivity(closingColumns(raw));
            }
        } else {
            kind = closing(activity);
            lostWord = activity.trim();
            if (kind == null) {
                stage = stagesByValue.get(ImportMapping.Activities.normalize(activity));
                if (stage == null) {
                    problems.add(row, c.activity(), ProblemCode.UNKNOWN_ACTIVITY, "'" + abbreviate(activity) + "' is neither a stage of "
                            + describePipeline() + " nor a mapped activity; map it to a stage (map=" + activity.trim()
                            + ":<stage>), or list it in won, lost or ignore");
                    hints.unknownActivity(abbreviate(activity.trim()));
                } else {
                    kind = ImportRow.Kind.STAGE;
                }
            }
        }

        BigDecimal amount = null;
        String amountText = raw.get(c.amount());
        if (amountText != null) {
            try {
                amount = new BigDecimal(amountText.trim());
            } catch (NumberFormatException e) {
                problems.add(row, c.amount(), ProblemCode.INVALID_AMOUNT, "'" + abbreviate(amountText) + "' is not a number; write it like 12500"
                        + " or 12500.50, without thousands separators or currency");
            }
        }
        String currency = trimmed(raw.get(c.currency()));
        if (currency == null && amount != null) {
            currency = mapping.defaultCurrency();
            if (currency == null) {
                hints.amountWithoutCurrency();
            }
        }
        DealAttributes attributes = new DealAttributes(trimmed(raw.get(c.owner())), trimmed(raw.get(c.source())),
                trimmed(raw.get(c.segment())), amount, currency, expectedCloseDate(raw, row, problems));
        for (Violation violation : attributes.validate("")) {
            problems.add(row, columnOf(violation.field()), ProblemCode.INVALID_ATTRIBUTE, violation.reason());
        }

        String lostReason = null;
        if (kind == ImportRow.Kind.LOST) {
            lostReason = trimmed(raw.get(c.lostReason()));
            if (lostReason == null) {
                lostReason = lostWord;
            }
            if (lostReason.length() > MAX_REASON) {
                problems.add(row, c.lostReason(), ProblemCode.REASON_TOO_LONG, "the lost reason is longer than " + MAX_REASON + " characters");
            }
        }
        if (problems.total() > before) {
            return null;
        }
        return new ImportRow(row, dealId, occurredAt, kind, stage, attributes, lostReason,
                confirmedCriteria(trimmed(raw.get(c.confirmedCriteria()))));
    }

    /** The row's expected close date, a calendar date {@code yyyy-MM-dd}; null when not given or not a date. */
    private LocalDate expectedCloseDate(EventLogReader.RawRow raw, long row, ProblemList problems) {
        String column = mapping.columns().expectedCloseDate();
        String text = trimmed(raw.get(column));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(row, column, ProblemCode.INVALID_CLOSE_DATE, "'" + abbreviate(text)
                    + "' is not a calendar date; write it like 2026-03-31 (yyyy-MM-dd)");
            return null;
        }
    }

    /**
     * A criteria cell as keys: empty is "not recorded" (null), '-' (which no key can be) "none confirmed"; the deal
     * rules check the keys against the stage left.
     */
    static List<String> confirmedCriteria(String cell) {
        if (cell == null) {
            return null;
        }
        return cell.equals("-") ? List.of()
                : Arrays.stream(cell.split(";")).map(String::trim).filter(key -> !key.isEmpty()).toList();
    }

    /** What one option would fix in the rows interpreted so far, once per option, with the count. */
    /** Notes a row's lifecycle transition while no lifecycle filter is set (see {@link ImportHints#transition}). */
    void transition(String column, String value) {
        hints.transition(column, value);
    }

    List<String> hints() {
        return hints.list(mapping.columns());
    }

    /** The columns of {@code raw}, other than the deal, time and activity, that hold a won or lost value. */
    private List<String> closingColumns(EventLogReader.RawRow raw) {
        ImportMapping.Columns c = mapping.columns();
        return raw.values().entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getKey().equals(c.deal()) && !e.getKey().equals(c.time())
                        && !e.getKey().equals(c.activity()))
                .filter(e -> {
                    ImportRow.Kind kind = closing(e.getValue());
                    return kind == ImportRow.Kind.WON || kind == ImportRow.Kind.LOST;
                })
                .map(Map.Entry::getKey).sorted().toList();
    }

    private ImportRow.Kind closing(String value) {
        String normalized = ImportMapping.Activities.normalize(value);
        ImportMapping.Activities activities = mapping.activities();
        if (activities.ignore().contains(normalized)) {
            return ImportRow.Kind.IGNORE;
        }
        if (activities.won().contains(normalized)) {
            return ImportRow.Kind.WON;
        }
        if (activities.lost().contains(normalized)) {
            return ImportRow.Kind.LOST;
        }
        return null;
    }

    private String columnOf(String attribute) {
        ImportMapping.Columns c = mapping.columns();
        return switch (attribute) {
            case "owner" -> c.owner();
            case "source" -> c.source();
            case "segment" -> c.segment();
            case "amount" -> c.amount();
            case "currency" -> c.currency() != null ? c.currency() : "currency (no currency column is mapped)";
            case "expectedCloseDate" -> c.expectedCloseDate();
            default -> attribute;
        };
    }

    private String describePipeline() {
        List<String> keys = pipeline.definition().keys();
        return "pipeline '" + pipelineId + "' (version " + pipeline.version() + "; its stages are "
                + String.join(", ", keys) + ")";
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
