package io.pipelens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.query.QueryServiceApplication;
import io.pipelens.query.admin.ProjectionReplays;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replay throughput of the deal journeys on the embedded default (H2 file event store, mongo-java-server on an H2
 * file), next to the raw read bound of the event store measured the same way: a plain JDBC read of the event table
 * in global order, once reading the payload bytes only and once also deserialising each payload with Jackson.
 * The replay goes through the admin operation, staging included, and ends when the rebuilt journeys and analytic
 * indexes have been switched in.
 */
@Command(name = "replay", description = "Replay throughput of deal-journey vs the raw ordered read of the event table")
final class ReplayBench implements Callable<Integer> {

    static final String PIPELINE = "bench";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    @Option(names = "--events", defaultValue = "1000000", description = "events to load, at least (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--replays", defaultValue = "1", description = "replays to time one after another")
    int replays;

    @Option(names = "--memory-read-models", description = "read models in memory instead of the H2 file")
    boolean memoryReadModels;

    @Option(names = "--settle", negatable = true, defaultValue = "true",
            description = "before the reads and replays, wait until the H2 stores' background housekeeping after the"
                    + " load (compacting the chunks the load left behind) has ended; --no-settle starts at once")
    boolean settle;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "a query-service property for the run, such as axon.eventhandling.processors.deal-journey"
                    + ".batch-size=1000; repeatable")
    List<String> settings = new ArrayList<>();

    @Option(names = "--keep-data", description = "keep the data directory (gigabytes at 1M events) after the run")
    boolean keepData;

    @Override
    public Integer call() throws Exception {
        try (DataDirectory data = DataDirectory.create("pipelens-bench")) {
            if (keepData) {
                data.keep();
            }
            return run(data.path());
        }
    }

    private int run(Path dir) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--pipelens.data-dir=" + dir, "--server.port=0",
                "--logging.level.root=WARN", "--pipelens.mongo.embedded.persistent=" + !memoryReadModels));
        settings.forEach(setting -> arguments.add("--" + setting));
        System.out.println("settings: " + (settings.isEmpty() ? "the service's defaults" : settings));
        ConfigurableApplicationContext query = QueryServiceApplication.builder().run(arguments.toArray(String[]::new));
        try {
            StreamingEventProcessor processor = query.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(DealJourneyProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            long loaded = load(query.getBean(EventStorageEngine.class));
            long caughtUp = awaitCaughtUp(processor, query.getBean(JourneyStore.class));
            report("catch-up still to wait after the load (the projection runs during it)", loaded, caughtUp);
            if (settle) {
                System.out.println(StoreHousekeeping.awaitIdle().describe("after the load"));
            }

            DataSource dataSource = query.getBean(DataSource.class);
            ObjectMapper json = query.getBean(ObjectMapper.class);
            ThreadCpu cpu = ThreadCpu.now();
            report("raw ordered read, payload bytes only", loaded, rawRead(dataSource, null));
            cpu = reportCpu(cpu);
            report("raw ordered read, payloads deserialised", loaded, rawRead(dataSource, json));
            cpu = reportCpu(cpu);

            ProjectionReplays admin = query.getBean(ProjectionReplays.class);
            JourneyStore journeys = query.getBean(JourneyStore.class);
            AnalyticsRegistry analytics = query.getBean(AnalyticsRegistry.class);
            for (int run = 1; run <= replays; run++) {
                long started = System.nanoTime();
                admin.replay(DealJourneyProjection.PROCESSOR);
                awaitCaughtUp(processor, journeys);
                long replayed = System.nanoTime() - started;
                report("replay " + run + " of deal-journey + analytic index (staging, switch included)", loaded,
                        replayed);
                System.out.printf("  indexed deals after the switch: %d%n",
                        analytics.select(PIPELINE, null).index().size());
                cpu = reportCpu(cpu);
            }
        } finally {
            query.close();
        }
        return 0;
    }

    private long load(EventStorageEngine engine) {
        long started = System.nanoTime();
        HistoryEvents.Appended appended = HistoryEvents.appendDemo(engine, PIPELINE, "Benchmark", 42, AS_OF,
                (count, deals) -> count < events);
        System.out.printf("appended %d events for %d deals in %.1f s%n", appended.events(), appended.deals(),
                (System.nanoTime() - started) / 1e9);
        return appended.events();
    }

    /** Waits until the processor has caught up and no replay is staging; returns the nanoseconds waited. */
    private static long awaitCaughtUp(StreamingEventProcessor processor, JourneyStore journeys)
            throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            var statuses = processor.processingStatus().values();
            if (journeys.replay() == null && !statuses.isEmpty()
                    && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                return System.nanoTime() - started;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** One plain read of the event table in global order; deserialises each payload when {@code json} is given. */
    private static long rawRead(DataSource dataSource, ObjectMapper json) throws Exception {
        Map<String, Class<?>> types = new HashMap<>();
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement()) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery(
                    "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                while (rs.next()) {
                    rs.getLong(1);
                    byte[] payload = rs.getBytes(3);
                    bytes += payload.length;
                    if (json != null) {
                        Class<?> type = types.computeIfAbsent(rs.getString(2), ReplayBench::load);
                        json.readValue(payload, type);
                    }
                    rows++;
                }
            }
        }
        if (rows == 0 || bytes == 0) {
            throw new IllegalStateException("read nothing");
        }
        return System.nanoTime() - started;
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints where the CPU went since {@code since}; returns the totals now. */
    private static ThreadCpu reportCpu(ThreadCpu since) {
        ThreadCpu now = ThreadCpu.now();
        System.out.println(now.since(since));
        return now;
    }

    private static void report(String what, long events, long nanos) {
        System.out.printf("%-70s %8d events in %6.1f s: %,9.0f events/s%n", what, events, nanos / 1e9,
                events / (nanos / 1e9));
    }
}
