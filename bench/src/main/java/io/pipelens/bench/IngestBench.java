package io.pipelens.bench;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportMapping;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.demo.DemoEventLog;
import io.pipelens.demo.DemoHistories;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Import speed through the real importer on the embedded default (H2 file event store, embedded MongoDB, the query
 * service projecting meanwhile), over generated CSV files of demo deal histories. The files are written first (not
 * timed); the run then imports them one after the other, and the rate is reported overall and for the first and the
 * last 10% of the transitions, so a slow-down as the store grows shows up.
 */
@Command(name = "ingest", description = "Import transitions/s over generated CSV files on the embedded store")
final class IngestBench implements Callable<Integer> {

    static final String PIPELINE = "bench";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    @Option(names = "--transitions", defaultValue = "1000000",
            description = "at least this many transitions in all (default ${DEFAULT-VALUE})")
    long transitions;

    @Option(names = "--deals-per-file", defaultValue = "40000",
            description = "deals per CSV file; a file must stay under the import limits (default ${DEFAULT-VALUE})")
    int dealsPerFile;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch-deals", description = "deals per unit of work (pipelens.import.batch-deals; default: "
            + "the service's)")
    Integer batchDeals;

    @Option(names = "--threads", description = "importer threads (pipelens.import.threads; default: the service's)")
    Integer threads;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "a property of both services for the run, such as spring.datasource.url=jdbc:postgresql://"
                    + "127.0.0.1:5432/pipelens for PostgreSQL as the event store (its database must be empty);"
                    + " repeatable")
    List<String> extraSettings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("pipelens-ingest");
        List<Path> files = writeFiles(dir);
        List<String> settings = new ArrayList<>();
        if (batchDeals != null) {
            settings.add("--pipelens.import.batch-deals=" + batchDeals);
        }
        if (threads != null) {
            settings.add("--pipelens.import.threads=" + threads);
        }
        extraSettings.forEach(setting -> settings.add("--" + setting));
        System.out.println("settings: " + (settings.isEmpty() ? "the services' defaults" : settings));
        try (DataDirectory data = DataDirectory.create("pipelens-bench");
             Services services = Fixtures.services(data.path(), settings.toArray(String[]::new))) {
            Fixtures.defineTemplatePipeline(services.command().getBean(CommandGateway.class), PIPELINE);
            DealImporter importer = services.command().getBean(DealImporter.class);
            Timeline timeline = new Timeline(total);
            long handledBefore = 0;
            for (Path file : files) {
                long offset = handledBefore;
                ImportSummary summary;
                try (InputStream in = Files.newInputStream(file)) {
                    summary = importer.importLog(PIPELINE, in, Files.size(file), ImportOptions.csv(), mapping(),
                            update -> {
                                if (update.phase() == ImportProgress.Phase.IMPORTING) {
                                    timeline.reached(offset + update.transitionsAppended() + update.duplicates());
                                }
                            });
                }
                handledBefore += summary.transitionsAppended() + summary.duplicates();
                timeline.reached(handledBefore);
                System.out.printf("%s: %,d rows, %,d deals, %,d appended, %,d duplicates, %,d refused, %.1f s "
                                + "(%,.0f transitions/s)%n", file.getFileName(), summary.rowsRead(), summary.deals(),
                        summary.transitionsAppended(), summary.duplicates(), summary.rejectedDeals().size(),
                        summary.elapsedMillis() / 1000.0, summary.transitionsPerSecond());
                if (!summary.rejectedDeals().isEmpty() || summary.transitionsAppended() != summary.rowsRead()) {
                    System.out.println("unexpected: every generated row should append exactly one event");
                    return 1;
                }
            }
            timeline.print();
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private long total;

    private List<Path> writeFiles(Path dir) throws IOException {
        DemoHistories histories = new DemoHistories(PIPELINE, seed, AS_OF);
        List<Path> files = new ArrayList<>();
        long started = System.nanoTime();
        int deal = 0;
        while (total < transitions) {
            Path file = dir.resolve("deals-" + files.size() + ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                total += DemoEventLog.write(histories.deals(deal, deal + dealsPerFile).iterator(), out);
            }
            deal += dealsPerFile;
            files.add(file);
        }
        System.out.printf("wrote %d files: %,d deals, %,d transitions, in %.1f s (not timed)%n", files.size(), deal,
                total, (System.nanoTime() - started) / 1e9);
        return files;
    }

    static ImportMapping mapping() {
        return DemoEventLog.mapping();
    }

    /** When each tenth of the transitions was reached, counted from the start of the first import. */
    private static final class Timeline {

        private final long total;
        private final long started = System.nanoTime();
        private final long[] tenthReachedAt = new long[11];
        private int tenths;

        Timeline(long total) {
            this.total = total;
            tenthReachedAt[0] = started;
        }

        synchronized void reached(long handled) {
            while (tenths < 10 && handled * 10 >= total * (tenths + 1)) {
                tenthReachedAt[++tenths] = System.nanoTime();
            }
        }

        void print() {
            double tenth = total / 10.0;
            double first = tenth / ((tenthReachedAt[1] - tenthReachedAt[0]) / 1e9);
            double last = tenth / ((tenthReachedAt[10] - tenthReachedAt[9]) / 1e9);
            double all = total / ((tenthReachedAt[10] - started) / 1e9);
            StringBuilder each = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
                each.append(String.format(" %,.0f", tenth / ((tenthReachedAt[i] - tenthReachedAt[i - 1]) / 1e9)));
            }
            System.out.printf("ingest of %,d transitions: %,.0f transitions/s overall; first 10%%: %,.0f/s; last 10%%:"
                    + " %,.0f/s; per tenth:%s%n", total, all, first, last, each);
        }
    }
}
