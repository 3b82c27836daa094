package io.pipelens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The importer on generated histories written as a CSV event log ({@link DemoEventLog}): the small version of the
 * 100,000-deal check in the bench module ({@code bench import-check}).
 */
@CommandServiceWithDemoData
class GeneratedHistoryImportTest {

    private static final String PIPELINE = "generated";
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    private DealImporter importer;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStore eventStore;

    /** Deal events in the store; every import that changes anything adds one more event, on its own stream. */
    private long events() {
        return StoredEvents.count(jdbc, "deal:");
    }

    /** Demo histories written out as a CSV event log, one row per change. */
    private static byte[] demoCsv(List<RecordDealHistoryCommand> deals) {
        StringBuilder out = new StringBuilder();
        DemoEventLog.write(deals.iterator(), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every generated deal's stream holds exactly the events derived from its history by hand, and importing the file
     * again appends nothing.
     */
    @Test
    void importsTwoThousandGeneratedDealsExactlyAsGeneratedAndReimportingAddsNothing() {
        gateway.sendAndWait(new DefinePipelineCommand(PIPELINE, PIPELINE, SolutionSalesTemplate.STAGES,
                AS_OF.minusSeconds(86_400L * 800)));
        List<RecordDealHistoryCommand> deals = new DemoHistories(PIPELINE, 3, AS_OF).deals(0, 2000).toList();
        int changes = deals.stream().mapToInt(d -> d.changes().size()).sum();
        byte[] csv = demoCsv(deals);
        long before = events();
        long importsBefore = StoredEvents.count(jdbc, "import:");

        ImportSummary first = importer.importLog(PIPELINE, new ByteArrayInputStream(csv), ImportOptions.csv(),
                DemoEventLog.mapping(), ImportProgress.NONE);
        long afterFirst = events();
        List<String> differences = DemoHistoryCheck.differences(eventStore, deals.iterator(), 10);
        ImportSummary again = importer.importLog(PIPELINE, new ByteArrayInputStream(csv), ImportOptions.csv(),
                DemoEventLog.mapping(), ImportProgress.NONE);

        assertThat(changes).isGreaterThan(10_000);
        assertThat(first.rowsRead()).isEqualTo(changes);
        assertThat(first.deals()).isEqualTo(2000);
        assertThat(first.transitionsAppended()).isEqualTo(changes);
        assertThat(first.duplicates()).isZero();
        assertThat(first.rejectedDeals()).isEmpty();
        assertThat(afterFirst - before).isEqualTo(changes);
        assertThat(differences).isEmpty();
        assertThat(again.transitionsAppended()).isZero();
        assertThat(again.duplicates()).isEqualTo(changes);
        assertThat(events()).isEqualTo(afterFirst);
        assertThat(first.importId()).isNotNull();
        assertThat(again.importId()).as("an import that appended and skipped nothing is not recorded").isNull();
        assertThat(StoredEvents.count(jdbc, "import:") - importsBefore).isEqualTo(1);
        System.out.printf("Imported %d rows (%d deals) in %d ms: %.0f transitions/s; re-import %.0f transitions/s%n",
                changes, first.deals(), first.elapsedMillis(), first.transitionsPerSecond(),
                again.transitionsPerSecond());
    }
}
