package io.pipelens.command.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the row problems that one option would fix, so the answer says once, with the count, which option to set,
 * instead of leaving the user to infer it from thousands of identical row problems.
 */
final class ImportHints {

    private static final int MAX_LISTED = 20;
    private static final String COMPLETE = "complete";

    private final Map<String, Long> outcomeCandidates = new TreeMap<>();
    private long missingActivity;
    private long amountWithoutCurrency;
    private final Map<String, Long> unknownActivities = new TreeMap<>();
    private final Map<String, Long> unfilteredTransitions = new TreeMap<>();
    private String transitionColumn;

    /**
     * A row without a stage or activity, while no outcome column is mapped; {@code closingColumns} are the other
     * columns whose value on that row is a won or lost value.
     */
    void missingActivity(Iterable<String> closingColumns) {
        missingActivity++;
        closingColumns.forEach(column -> outcomeCandidates.merge(column, 1L, Long::sum));
    }

    /** A row whose activity is neither a stage nor a mapped activity. */
    void unknownActivity(String activity) {
        unknownActivities.merge(activity, 1L, Long::sum);
    }

    /**
     * A row's lifecycle transition, while no lifecycle filter is set: a log that records when an activity starts and
     * when it completes gives every activity twice, and the second row only repeats the stage.
     */
    void transition(String column, String value) {
        transitionColumn = column;
        String transition = ImportMapping.Activities.normalize(value);
        if (!transition.isEmpty() && !transition.equals(COMPLETE)) {
            unfilteredTransitions.merge(transition, 1L, Long::sum);
        }
    }

    /** A row with an amount and no currency, while no default currency is given. */
    void amountWithoutCurrency() {
        amountWithoutCurrency++;
    }

    /** One sentence per option that would fix rows of this file; empty when none would. */
    List<String> list(ImportMapping.Columns columns) {
        List<String> hints = new ArrayList<>();
        if (missingActivity > 0) {
            String rows = rows(missingActivity) + " no " + columns.activity() + " (stage or activity) and no outcome "
                    + "column is mapped";
            hints.add(outcomeCandidates.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                    .map(best -> rows + "; on " + count(best.getValue()) + " of them column '" + best.getKey()
                            + "' holds a won or lost value: if that column says how the deal closed, set outcomeColumn="
                            + best.getKey() + " (CLI: --outcome-column " + best.getKey() + ")")
                    .orElse(rows + "; if close rows give won or lost in another column, name it with outcomeColumn "
                            + "(CLI: --outcome-column)"));
        }
        if (amountWithoutCurrency > 0) {
            hints.add(rows(amountWithoutCurrency) + " an amount and no currency; map a currency column "
                    + "(currencyColumn) or set defaultCurrency=EUR, say (CLI: --default-currency EUR), for amounts "
                    + "without one");
        }
        if (!unknownActivities.isEmpty()) {
            hints.add(unknownActivitiesHint());
        }
        if (!unfilteredTransitions.isEmpty()) {
            long total = unfilteredTransitions.values().stream().mapToLong(Long::longValue).sum();
            hints.add(rows(total) + " a lifecycle transition other than "
                    + COMPLETE + " (" + listed(unfilteredTransitions) + ") in column '" + transitionColumn + "': a"
                    + " log that records when an activity starts and when it completes gives each activity twice;"
                    + " lifecycle=" + COMPLETE + " (CLI: --lifecycle " + COMPLETE + ") reads one row per activity");
        }
        return List.copyOf(hints);
    }

    /**
     * The distinct unknown activities, most rows first: a log of a handful of activities otherwise answers with one
     * problem per row, and the user has to collect the names for the mapping from thousands of them.
     */
    private String unknownActivitiesHint() {
        long total = unknownActivities.values().stream().mapToLong(Long::longValue).sum();
        return rows(total) + " an activity that is neither a stage nor mapped: " + count(unknownActivities.size())
                + (unknownActivities.size() == 1 ? " activity, " : " activities, ") + listed(unknownActivities)
                + "; map each to a stage (map=<activity>:<stage>, CLI: --map), or list it in won, lost or ignore (CLI:"
                + " --won, --lost, --ignore)";
    }

    /** The values with their row counts, most rows first, at most {@value #MAX_LISTED} named. */
    private static String listed(Map<String, Long> rowsByValue) {
        List<String> listed = rowsByValue.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_LISTED)
                .map(entry -> "'" + entry.getKey() + "' (" + count(entry.getValue()) + ")")
                .toList();
        int more = rowsByValue.size() - listed.size();
        return String.join(", ", listed) + (more > 0 ? " and " + count(more) + " more" : "");
    }

    private static String rows(long count) {
        return count(count) + (count == 1 ? " row has" : " rows have");
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
