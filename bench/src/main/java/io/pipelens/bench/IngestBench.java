package io.pipelens.bench;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportMapping;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.demo.DemoEventLog;
import io.pipelens.demo.DemoHistories;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.launcher.PipelensLauncher.Services;
import io.pipelens.platform.StoreDescriptions;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Import speed through the real importer on the embedded default (H2 file event store, embedded MongoDB, the query
 * service projecting meanwhile), over generated CSV files of demo deal histories. The files are written first (not
 * timed); the run then imports them one after the other, and the rate is reported overall and for the first and the
 * last 10% of the transitions, so a slow-down as the store grows shows up.
 *
 * <p>Then, in the same run, the raw append bound: the same events appended straight through the storage engine of a
 * second, fresh event store, with the import's rate as a share of it. The events are those the Deal aggregate appends
 * for the same generated histories ({@link HistoryEvents}: the same count, payload types and payloads), with
 * metadata of the same shape (Axon's correlation data of the deal's command and the pipeline version); the store is
 * the command service alone on a new data directory, so the same engine, serializer, schema and database settings as
 * the import's, and nothing that reads the events. They go through {@link EventStorageEngine#appendEvents} in the
 * importer's batches: file by file, the events of {@code pipelens.import.batch-deals} deals per batch, each batch in
 * one transaction of Axon's {@link TransactionManager} (as the importer's unit of work per batch commits one), on
 * {@code pipelens.import.threads} threads. No CSV, no validation, no aggregate, no command bus, no projection; only
 * the appends are timed, not the generation of each file's events.
 *
 * <p>The bound runs after the import, not before: the import is then measured as its target has it, from a cold JVM,
 * the JVM's warm-up included, and nothing the bound ran has compiled the code they share (H2, Jackson, Axon's engine)
 * for it. The bound itself runs in the JVM the import warmed up (as {@link ReplayBench}'s raw read runs after the
 * load), so it is as fast as the store allows and the ratio errs against the import rather than for it. The import's
 * services are closed and the H2 threads left to settle ({@link StoreHousekeeping}) first, so neither the projection
 * nor the import store's housekeeping runs beside it.
 *
 * <p>With {@code --set spring.datasource.url=...} (PostgreSQL, say) the bound needs an empty database of the same
 * kind, {@code --raw-append-url}, with the same {@code --set} credentials; the bench refuses to start without it (or
 * {@code --no-raw-append}): the import's own database is not fresh once imported into, and a bound measured on the
 * H2 file would not be the bound of the store the import used.
 */
@Command(name = "ingest", description = "Import transitions/s over generated CSV files on the embedded store")
final class IngestBench implements Callable<Integer> {

    static final String PIPELINE = "bench";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final String DATASOURCE_URL = "spring.datasource.url=";
    /** Deal events whose stored sizes are compared between the two stores: the first ones of each. */
    private static final long SIZE_SAMPLE = 100_000;

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

    /** Named in its negative form, as picocli wants an option that is on by default: --raw-append is the other. */
    @Option(names = "--no-raw-append", negatable = true,
            description = "after the import, append the same events straight through the storage engine of a fresh"
                    + " event store of the same kind, in the importer's batches, and report that bound and the"
                    + " import's share of it (on by default; --no-raw-append leaves it out)")
    boolean rawAppend = true;

    @Option(names = "--raw-append-url", paramLabel = "JDBC-URL",
            description = "the event store of the raw append: an empty database of the same kind as the import's,"
                    + " required with --set " + DATASOURCE_URL + "... (default: a fresh H2 file of its own)")
    String rawAppendUrl;

    @Override
    public Integer call() throws Exception {
        if (rawAppend && rawAppendUrl == null && extraSettings.stream().anyMatch(s -> s.startsWith(DATASOURCE_URL))) {
            System.err.println("--set " + DATASOURCE_URL + "... imports into another event store: the raw append"
                    + " bound needs an empty database of the same kind, --raw-append-url (or --no-raw-append)");
            return 2;
        }
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
        Imported imported;
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
            imported = new Imported(timeline.print(), importer.batchDeals(), importer.threads(),
                    Stored.of(services.command().getBean(DataSource.class)));
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
        return rawAppend ? rawAppendBound(settings, imported) : 0;
    }

    private long total;
    private int deals;

    /** The import's rate overall, the batches it recorded in, and its first events as stored. */
    private record Imported(double transitionsPerSecond, int batchDeals, int threads, Stored stored) {
    }

    /**
     * Appends the events of the imported deals to a fresh store of the same kind, in the importer's batches, and
     * reports the rate and the import's share of it; 1 when the store does not hold exactly the events imported.
     */
    private int rawAppendBound(List<String> settings, Imported imported) throws Exception {
        List<String> storeSettings = new ArrayList<>(settings.stream()
                .filter(setting -> !setting.startsWith("--" + DATASOURCE_URL)).toList());
        if (rawAppendUrl != null) {
            storeSettings.add("--" + DATASOURCE_URL + rawAppendUrl);
        }
        try (DataDirectory data = DataDirectory.create("pipelens-bench-raw");
             ConfigurableApplicationContext store = Fixtures.commandService(data.path(),
                     storeSettings.toArray(String[]::new))) {
            System.out.println(StoreHousekeeping.awaitIdle().describe("before the raw append"));
            long nanos = appendRaw(store.getBean(EventStorageEngine.class), store.getBean(TransactionManager.class),
                    imported.batchDeals(), imported.threads());
            DataSource dataSource = store.getBean(DataSource.class);
            long events = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM domain_event_entry",
                    Long.class);
            double eventsPerSecond = events / (nanos / 1e9);
            System.out.printf("raw append of %,d events into %s (after the import; batches of %d deals, one"
                            + " transaction each, on %d threads): %,.0f events/s in %.1f s%n", events,
                    StoreDescriptions.eventStore(store.getEnvironment()), imported.batchDeals(), imported.threads(),
                    eventsPerSecond, nanos / 1e9);
            System.out.printf("import / raw append: %.2f (%,.0f transitions/s overall against %,.0f events/s)%n",
                    imported.transitionsPerSecond() / eventsPerSecond, imported.transitionsPerSecond(),
                    eventsPerSecond);
            System.out.printf("stored per deal event, the first %,d of each store: import %s; raw append %s%n",
                    SIZE_SAMPLE, imported.stored(), Stored.of(dataSource));
            if (events != total) {
                System.out.printf("unexpected: the raw append stored %,d events, the import %,d%n", events, total);
                return 1;
            }
        }
        return 0;
    }

    /**
     * Appends the events of the deals the files hold, file by file: each file's batches of {@code batchDeals} deals
     * on {@code threads} threads, each batch in one transaction. Answers the nanoseconds spent appending (the
     * events of each file are made before its clock starts).
     */
    private long appendRaw(EventStorageEngine engine, TransactionManager transactions, int batchDeals, int threads)
            throws Exception {
        DemoHistories histories = new DemoHistories(PIPELINE, seed, AS_OF);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long nanos = 0;
        try {
            for (int file = 0; file < deals; file += dealsPerFile) {
                List<List<DomainEventMessage<?>>> batches = new ArrayList<>();
                for (int from = file; from < file + dealsPerFile; from += batchDeals) {
                    List<DomainEventMessage<?>> batch = new ArrayList<>();
                    histories.deals(from, Math.min(file + dealsPerFile, from + batchDeals))
                            .forEach(history -> batch.addAll(importedEvents(history)));
                    batches.add(batch);
                }
                long started = System.nanoTime();
                List<Future<?>> appends = new ArrayList<>(batches.size());
                for (List<DomainEventMessage<?>> batch : batches) {
                    appends.add(pool.submit(() -> transactions.executeInTransaction(() -> engine.appendEvents(batch))));
                }
                for (Future<?> append : appends) {
                    append.get();
                }
                nanos += System.nanoTime() - started;
            }
        } finally {
            pool.shutdownNow();
        }
        return nanos;
    }

    /**
     * The events of {@code history} with metadata of the shape the imported ones carry: Axon's correlation data of
     * the command that recorded the deal (two message ids) and, on the events of a change the Deal aggregate judged
     * against the pipeline's stages (all but losses and attribute changes), the version it judged it under
     * ({@code StageRules}).
     */
    private static List<DomainEventMessage<?>> importedEvents(RecordDealHistoryCommand history) {
        MetaData origin = MetaData.from(new MessageOriginProvider().correlationDataFor(asCommandMessage(history)));
        MetaData judged = origin.and("pipelineVersion", 1);
        return HistoryEvents.of(history, event -> event instanceof DealLostEvent
                || event instanceof DealAttributesChangedEvent ? origin : judged);
    }

    /** The stored bytes of the first {@link #SIZE_SAMPLE} deal events of a store. */
    private record Stored(long events, long payloadBytes, long metaDataBytes) {

        static Stored of(DataSource dataSource) {
            return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*), SUM(OCTET_LENGTH(payload)),"
                    + " SUM(OCTET_LENGTH(meta_data)) FROM domain_event_entry WHERE global_index <= ?"
                    + " AND aggregate_identifier LIKE 'deal:%'", (rs, row) -> new Stored(rs.getLong(1),
                    rs.getLong(2), rs.getLong(3)), SIZE_SAMPLE);
        }

        @Override
        public String toString() {
            return String.format("%,.0f bytes of payload and %,.0f of metadata", (double) payloadBytes / events,
                    (double) metaDataBytes / events);
        }
    }

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
        deals = deal;
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

        /** Prints the rates; answers the rate overall. */
        double print() {
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
            return all;
        }
    }
}
