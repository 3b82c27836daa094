package io.pipelens.demo;

import io.pipelens.command.importing.ImportMapping;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes deal histories (from {@link DemoHistories}) as the CSV event log a CRM export would give: one row per change,
 * the deal's attributes on its first row, an attribute change as a row of the stage the deal is at with all its
 * attributes, {@code won} and {@code lost} rows for closes, a reopening as a plain stage row after a close. Importing it with {@link #COLUMNS} as the mapping gives back the same histories, which is what
 * import tests and the ingest benchmark rely on.
 */
public final class DemoEventLog {

    /** The header; the importer's mapping names these columns. */
    public static final List<String> COLUMNS = List.of("deal_id", "timestamp", "stage", "owner", "source", "segment",
            "amount", "currency", "expected_close_date", "lost_reason");

    private DemoEventLog() {
    }

    /** The importer's mapping of a log written here. */
    public static ImportMapping mapping() {
        return ImportMapping.defaults().withColumns(ImportMapping.Columns.of("deal_id", "timestamp", "stage")
                .withAttributes("owner", "source", "segment", "amount", "currency").withLostReason("lost_reason")
                .withExpectedCloseDate("expected_close_date"));
    }

    /** Writes the header and one row per change; answers the number of rows written. */
    public static long write(Iterator<RecordDealHistoryCommand> deals, Appendable out) {
        long rows = 0;
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            while (deals.hasNext()) {
                String stage = null;
                for (DealCommand change : deals.next().changes()) {
                    csv.printRecord(row(change, stage));
                    stage = stageAfter(change, stage);
                    rows++;
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<Object> row(DealCommand change, String stage) {
        String id = change.dealId();
        String at = change.occurredAt().toString();
        if (change instanceof OpenDealCommand open) {
            return attributesRow(id, at, open.stage(), open.attributes());
        } else if (change instanceof ChangeDealAttributesCommand attributes) {
            return attributesRow(id, at, stage, attributes.attributes());
        } else if (change instanceof MoveDealToStageCommand move) {
            return List.of(id, at, move.stage(), "", "", "", "", "", "", "");
        } else if (change instanceof ReopenDealCommand reopen) {
            return List.of(id, at, reopen.stage(), "", "", "", "", "", "", "");
        } else if (change instanceof WinDealCommand) {
            return List.of(id, at, "won", "", "", "", "", "", "", "");
        } else if (change instanceof LoseDealCommand lose) {
            return List.of(id, at, "lost", "", "", "", "", "", "", lose.reason());
        }
        throw new IllegalArgumentException("Not in a demo history: " + change);
    }

    /**
     * A row with all of the deal's attributes: its opening, or a change written as a row of the stage it is at, which
     * the importer reads as an attribute change (every attribute given, so none is kept from an earlier row).
     */
    private static List<Object> attributesRow(String id, String at, String stage, DealAttributes attributes) {
        DealAttributes a = attributes == null ? DealAttributes.NONE : attributes;
        return List.of(id, at, stage, text(a.owner()), text(a.source()), text(a.segment()),
                a.amount() == null ? "" : a.amount().toPlainString(), text(a.currency()),
                a.expectedCloseDate() == null ? "" : a.expectedCloseDate().toString(), "");
    }

    private static String stageAfter(DealCommand change, String stage) {
        if (change instanceof OpenDealCommand open) {
            return open.stage();
        } else if (change instanceof MoveDealToStageCommand move) {
            return move.stage();
        } else if (change instanceof ReopenDealCommand reopen) {
            return reopen.stage();
        }
        return stage;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
