package io.pipelens.query.quality;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every recorded import of one pipeline, added up, and the most recent ones: the GraphQL type {@code ImportSummary} of
 * {@code quality.graphqls}.
 *
 * @param imports              imports recorded
 * @param rowsRead             data rows read, over all imports
 * @param rowsSkipped          rows that added nothing, whatever the reason (invalid, ignored or already recorded)
 * @param rowsRejected         rows rejected as invalid: the sum of {@code rejectedRowsByReason}
 * @param rejectedRowsByReason rows rejected as invalid, by reason code, in reason order
 * @param deals                deals the files held (a deal in two files counts twice)
 * @param transitionsAppended  changes that appended an event
 * @param duplicates           changes already recorded before
 * @param rejectedDeals        deals the event store refused as a whole
 * @param recent               the newest imports, by {@code importedAt} then id, newest first
 */
public record ImportSummaryView(int imports, long rowsRead, long rowsSkipped, long rowsRejected,
                            List<ReasonCount> rejectedRowsByReason, long deals, long transitionsAppended,
                            long duplicates, long rejectedDeals, List<DealLogImportView> recent) {

    /** The largest number of recent imports an answer may list. */
    public static final int MAX_RECENT = 100;

    static final Comparator<DealLogImportView> NEWEST_FIRST = Comparator.comparing(DealLogImportView::importedAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(DealLogImportView::id);

    public ImportSummaryView {
        rejectedRowsByReason = List.copyOf(rejectedRowsByReason);
        recent = List.copyOf(recent);
    }

    /** @param recentCount how many of the newest imports to list, 0 to {@link #MAX_RECENT} */
    public static ImportSummaryView of(List<DealLogImportView> imports, int recentCount) {
        if (recentCount < 0 || recentCount > MAX_RECENT) {
            throw new IllegalArgumentException("recent imports must be between 0 and " + MAX_RECENT + ", was "
                    + recentCount);
        }
        long rowsRead = 0;
        long rowsSkipped = 0;
        long deals = 0;
        long appended = 0;
        long duplicates = 0;
        long rejectedDeals = 0;
        Map<String, Long> byReason = new TreeMap<>();
        for (DealLogImportView imported : imports) {
            rowsRead += imported.rowsRead();
            rowsSkipped += imported.rowsSkipped();
            deals += imported.deals();
            appended += imported.transitionsAppended();
            duplicates += imported.duplicates();
            rejectedDeals += imported.rejectedDeals();
            for (ReasonCount reason : imported.rejectedRowsByReason()) {
                byReason.merge(reason.reason(), reason.rows(), Long::sum);
            }
        }
        List<ReasonCount> reasons = byReason.entrySet().stream()
                .map(e -> new ReasonCount(e.getKey(), e.getValue())).toList();
        long rejected = reasons.stream().mapToLong(ReasonCount::rows).sum();
        List<DealLogImportView> recent = imports.stream().sorted(NEWEST_FIRST).limit(recentCount).toList();
        return new ImportSummaryView(imports.size(), rowsRead, rowsSkipped, rejected, reasons, deals, appended,
                duplicates, rejectedDeals, recent);
    }
}
