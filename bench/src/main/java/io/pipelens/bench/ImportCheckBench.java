package io.pipelens.bench;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.demo.DemoEventLog;
import io.pipelens.demo.DemoHistories;
import io.pipelens.demo.DemoHistoryCheck;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The import's oracle check at scale: one generated CSV of {@code --deals} deals is imported into a fresh embedded
 * store through the real importer; every deal's stream must then hold exactly the events derived by hand from its
 * generated history ({@link DemoHistoryCheck}), the store no other deal events, and a second import of the same file
 * must append nothing. Every analytic is computed from those events. Exits 1 on any difference.
 */
@Command(name = "import-check", description = "Import generated deals and check the store against their histories")
final class ImportCheckBench implements Callable<Integer> {

    @Option(names = "--deals", defaultValue = "100000", description = "generated deals (default ${DEFAULT-VALUE})")
    int deals;

    @Option(names = "--seed", defaultValue = "7", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        DemoHistories histories = new DemoHistories(IngestBench.PIPELINE, seed, IngestBench.AS_OF);
        Path file = Files.createTempFile("pipelens-import-check", ".csv");
        long rows;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = DemoEventLog.write(histories.deals(0, deals).iterator(), out);
        }
        System.out.printf("wrote %,d deals, %,d rows, %,d bytes%n", deals, rows, Files.size(file));
        List<String> failures = new ArrayList<>();
        try (DataDirectory data = DataDirectory.create("pipelens-bench");
             Services services = Fixtures.services(data.path(), "--pipelens.import.max-bytes=" + 4 * Files.size(file),
                "--pipelens.import.max-rows=" + Math.max(1_000_000, 2 * rows))) {
            Fixtures.defineTemplatePipeline(services.command().getBean(CommandGateway.class), IngestBench.PIPELINE);
            DealImporter importer = services.command().getBean(DealImporter.class);
            JdbcTemplate jdbc = new JdbcTemplate(services.command().getBean(DataSource.class));

            ImportSummary first = importFile(importer, file);
            long dealEvents = dealEvents(jdbc);
            long checkStarted = System.nanoTime();
            List<String> differences = DemoHistoryCheck.differences(services.command().getBean(EventStore.class),
                    histories.deals(0, deals).iterator(), 20);
            System.out.printf("compared %,d deals event by event in %.1f s%n", deals,
                    (System.nanoTime() - checkStarted) / 1e9);
            ImportSummary again = importFile(importer, file);

            expect(failures, first.deals() == deals, "deals in the file: " + first.deals());
            expect(failures, first.transitionsAppended() == rows, "first import appended "
                    + first.transitionsAppended() + " of " + rows + " rows");
            expect(failures, first.rejectedDeals().isEmpty(), "refused deals: " + first.rejectedDeals());
            expect(failures, dealEvents == rows, "deal events in the store: " + dealEvents + ", rows: " + rows);
            differences.forEach(difference -> failures.add("store differs: " + difference));
            expect(failures, again.transitionsAppended() == 0, "second import appended " + again.transitionsAppended());
            expect(failures, again.duplicates() == rows, "second import found " + again.duplicates() + " duplicates");
            expect(failures, dealEvents(jdbc) == dealEvents, "deal events after the second import: "
                    + dealEvents(jdbc));
        } finally {
            Files.deleteIfExists(file);
        }
        if (failures.isEmpty()) {
            System.out.printf("OK: %,d deals, %,d events, exactly as generated; the second import appended nothing%n",
                    deals, rows);
            return 0;
        }
        failures.forEach(failure -> System.out.println("FAILED: " + failure));
        return 1;
    }

    private static ImportSummary importFile(DealImporter importer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = importer.importLog(IngestBench.PIPELINE, in, Files.size(file), ImportOptions.csv(),
                    IngestBench.mapping(), ImportProgress.NONE);
            System.out.printf("import: %,d rows, %,d deals, %,d appended, %,d duplicates, %,d refused, %.1f s "
                            + "(%,.0f transitions/s)%n", summary.rowsRead(), summary.deals(),
                    summary.transitionsAppended(), summary.duplicates(), summary.rejectedDeals().size(),
                    summary.elapsedMillis() / 1000.0, summary.transitionsPerSecond());
            return summary;
        }
    }

    private static long dealEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'deal:%'",
                Long.class);
    }

    private static void expect(List<String> failures, boolean holds, String otherwise) {
        if (!holds) {
            failures.add(otherwise);
        }
    }
}
