package io.pipelens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.QueryServiceApplication;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.deal.DealJourneyProjection;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Analytics latency at scale, against DuckDB computing the same funnel and time in stage by SQL over the same events.
 * Runs the query service alone (so the heap it reports is the query service's), appends generated deal events
 * through its storage engine, waits for the projection and the analytic index to catch up, then times every
 * analytics query over HTTP, unfiltered and with an owner filter, as of now and as of a year before the history's end.
 */
@Command(name = "analytics", description = "Analytics query latency and heap, with a DuckDB baseline")
final class AnalyticsBench implements Callable<Integer> {

    static final String PIPELINE = "bench";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    /** Mid-history: most deals have events after it, so every deal is cut to its events up to then. */
    static final Instant PAST = AS_OF.minus(Duration.ofDays(365));

    @Option(names = "--deals", defaultValue = "100000", description = "generated deals (default ${DEFAULT-VALUE})")
    int deals;

    @Option(names = "--runs", defaultValue = "200", description = "measured runs per query")
    int runs;

    @Option(names = "--warmup", defaultValue = "30", description = "unmeasured runs per query first")
    int warmup;

    @Option(names = "--duckdb-runs", defaultValue = "20", description = "measured runs per DuckDB query")
    int duckRuns;

    @Option(names = "--forecast-runs", defaultValue = "10",
            description = "measured runs of the forecast and of its backtest (after 2 unmeasured)")
    int forecastRuns;

    @Option(names = "--only", description = "time only the queries whose name matches this regular expression (and"
            + " skip the DuckDB baseline), e.g. 'discoverStages.*'")
    Pattern only;

    @Option(names = "--memory-read-models", description = "read models in an in-memory MongoDB instead of the"
            + " embedded default's H2 file (the heap figure then holds every journey document)")
    boolean memoryReadModels;

    private final Map<String, Double> cpuPerRun = new LinkedHashMap<>();
    private long lastCpuNanos;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        try (DataDirectory data = DataDirectory.create("pipelens-bench")) {
            return run(data.path());
        }
    }

    private int run(Path dir) throws Exception {
        ConfigurableApplicationContext query = QueryServiceApplication.builder().run(
                "--pipelens.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN",
                "--pipelens.mongo.embedded.persistent=" + !memoryReadModels);
        try {
            String port = query.getEnvironment().getProperty("local.server.port");
            long events = load(query.getBean(EventStorageEngine.class));
            long caughtUp = awaitCatchUp(query);
            System.out.printf("projection + index caught up with %d events in %.1f s (%.0f events/s)%n", events,
                    caughtUp / 1e9, events / (caughtUp / 1e9));
            System.out.printf("query-service heap after GC: %d MiB (%d deals, %d events)%n", heapMiB(), deals, events);

            Map<String, String> queries = queries();
            Map<String, Histogram> ours = new LinkedHashMap<>();
            for (var entry : queries.entrySet()) {
                if (chosen(entry.getKey())) {
                    ours.put(entry.getKey(), time(entry.getKey(), () -> graphQl(port, entry.getValue()), warmup,
                            runs));
                }
            }
            for (var entry : forecastQueries().entrySet()) {
                if (chosen(entry.getKey())) {
                    ours.put(entry.getKey(), time(entry.getKey(), () -> graphQl(port, entry.getValue()), 2,
                            forecastRuns));
                    System.out.printf("%s: %s%n", entry.getKey(), graphQl(port, entry.getValue()).get("data"));
                }
            }
            Map<String, Histogram> duck = only == null ? duckDb(query.getBean(DataSource.class)) : Map.of();

            System.out.printf("%n%-34s %9s %9s %9s %9s%n", "query (" + deals + " deals)", "p50 ms", "p95 ms",
                    "p99 ms", "cpu ms");
            ours.forEach((name, h) -> print(name, h));
            duck.forEach((name, h) -> print(name, h));
            System.out.printf("cpu ms: the whole process's CPU time per measured run (server and client; %d cores,"
                    + " load average %.2f)%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (String figure : only == null ? List.of("funnel", "timeInStage") : List.<String>of()) {
                double pipelens = ours.get(figure).getValueAtPercentile(50) / 1000.0;
                double duckdb = duck.get("duckdb " + figure).getValueAtPercentile(50) / 1000.0;
                System.out.printf("%s: Pipelens p50 %.1f ms vs DuckDB p50 %.1f ms: %.1f× faster%n", figure, pipelens,
                        duckdb, duckdb / pipelens);
            }
        } finally {
            query.close();
        }
        return 0;
    }

    private long load(EventStorageEngine engine) {
        long started = System.nanoTime();
        long count = HistoryEvents.appendDemo(engine, PIPELINE, "Benchmark", 42, AS_OF,
                (events, dealsSoFar) -> dealsSoFar < deals).events();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("appended %d events for %d deals in %.1f s (%.0f events/s)%n", count, deals, seconds,
                count / seconds);
        return count;
    }

    private long awaitCatchUp(ConfigurableApplicationContext query) throws InterruptedException {
        long started = System.nanoTime();
        StreamingEventProcessor processor = query.getBean(EventProcessingConfiguration.class)
                .eventProcessor(DealJourneyProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        AnalyticsRegistry registry = query.getBean(AnalyticsRegistry.class);
        while (true) {
            boolean caughtUp = processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp());
            int indexed = indexedDeals(registry);
            if (caughtUp && indexed == deals) {
                return System.nanoTime() - started;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int indexedDeals(AnalyticsRegistry registry) {
        try {
            return registry.select(PIPELINE, null).index().size();
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    private Map<String, String> queries() {
        String p = "pipelineId: \"" + PIPELINE + "\"";
        String owner = ", filter: {owner: \"ann\"}";
        String asOf = ", asOf: \"" + AS_OF + "\"";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("funnel", "{ funnel(" + p + ") { won lost stages { reached visited progressed } } }");
        queries.put("funnel owner=ann", "{ funnel(" + p + owner + ") { won lost stages { reached visited } } }");
        queries.put("timeInStage", "{ timeInStage(" + p + asOf + ") { stages { durations { medianSeconds p90Seconds }"
                + " kaplanMeierMedianSeconds } } }");
        queries.put("timeInStage owner=ann", "{ timeInStage(" + p + owner + asOf + ") { stages { durations {"
                + " medianSeconds } } } }");
        queries.put("skipImpact", "{ skipImpact(" + p + ") { stages { fisherP q relativeRisk } } }");
        queries.put("skipImpact owner=ann", "{ skipImpact(" + p + owner + ") { stages { fisherP q } } }");
        queries.put("skipImpact adjustFor=OWNER,AMOUNT_BAND", "{ skipImpact(" + p + ", adjustFor: [OWNER, AMOUNT_BAND])"
                + " { stages { fisherP q relativeRisk adjusted { relativeRisk relativeRiskCi { lower upper } cmhQ"
                + " breslowDayP strataUsed strataDropped } } } }");
        queries.put("bottlenecks", "{ bottlenecks(" + p + asOf + ") { bottleneck stages { wip stuck } } }");
        queries.put("bottlenecks owner=ann", "{ bottlenecks(" + p + owner + asOf + ") { bottleneck } }");
        queries.put("salesVelocity", "{ salesVelocity(" + p + ") { currencies { velocityPerDay } } }");
        queries.put("salesVelocity owner=ann", "{ salesVelocity(" + p + owner + ") { currencies { velocityPerDay } } }");
        String period = ", from: \"" + AS_OF.minus(Duration.ofDays(30)) + "\", to: \"" + AS_OF + "\"";
        String movement = " { stages { startWip endWip inflow outflow } currencies { currency start end }"
                + " slippage { pushes slipDays pulls overdue } } }";
        queries.put("movement 30 days", "{ movement(" + p + period + ")" + movement);
        queries.put("movement 30 days owner=ann", "{ movement(" + p + owner + period + ")" + movement);
        queries.putAll(decidingQueries(p));
        queries.putAll(pastQueries(p, owner));
        return queries;
    }

    /** The answers that help decide (exit criteria, stage discovery, change impact), as the method's loop asks them. */
    private static Map<String, String> decidingQueries(String p) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("criteriaImpact", "{ criteriaImpact(" + p + ") { stages { checklist { relativeRisk q }"
                + " items { key impact { relativeRisk q } } } } }");
        queries.put("discoverStages last=20", "{ discoverStages(" + p + ", last: 20) { sampleSize proposedOrder } }");
        queries.put("discoverStages last=10000", "{ discoverStages(" + p + ", last: 10000) { sampleSize proposedOrder"
                + " } }");
        queries.put("changeImpact", "{ changeImpact(" + p + ", at: \"" + PAST + "\", asOf: \"" + AS_OF
                + "\") { winRateDifference fisherP before { deals } after { deals } } }");
        queries.put("trend MONTH, a year", "{ trend(" + p + ", from: \"" + PAST + "\", to: \"" + AS_OF
                + "\", interval: MONTH) { periods { opened won lost winRate stages { wip } } } }");
        return queries;
    }

    /** The same analytics as of {@link #PAST}, from the events up to then alone. */
    private static Map<String, String> pastQueries(String p, String owner) {
        String past = ", asOf: \"" + PAST + "\"";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("funnel asOf", "{ funnel(" + p + past + ") { won lost stages { reached visited progressed } } }");
        queries.put("funnel owner=ann asOf", "{ funnel(" + p + owner + past + ") { won lost stages { reached } } }");
        queries.put("timeInStage asOf", "{ timeInStage(" + p + past + ") { stages { durations { medianSeconds"
                + " p90Seconds } kaplanMeierMedianSeconds } } }");
        queries.put("skipImpact asOf", "{ skipImpact(" + p + past + ") { stages { fisherP q relativeRisk } } }");
        queries.put("skipImpact adjustFor=OWNER,AMOUNT_BAND asOf", "{ skipImpact(" + p + past
                + ", adjustFor: [OWNER, AMOUNT_BAND]) { stages { fisherP adjusted { relativeRisk cmhQ } } } }");
        queries.put("bottlenecks asOf", "{ bottlenecks(" + p + past + ") { bottleneck stages { wip stuck } } }");
        queries.put("salesVelocity asOf", "{ salesVelocity(" + p + past + ") { currencies { velocityPerDay } } }");
        queries.put("dataQuality asOf", "{ dataQuality(" + p + past + ") { backwardMoves { deals } } }");
        queries.put("discoverStages asOf", "{ discoverStages(" + p + past + ") { sampleSize proposedOrder } }");
        return queries;
    }

    /** Slower by design (a chain fitted on a year of weekly states, 26 times for the backtest): fewer runs. */
    private static Map<String, String> forecastQueries() {
        String p = "pipelineId: \"" + PIPELINE + "\", asOf: \"" + AS_OF + "\"";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("forecast weeks=13", "{ forecast(" + p + ", weeks: 13) { openDeals expectedWins winsInterval80"
                + " { lower upper } amounts { currency expectedAmount } states { winWithinHorizon eventualWin } } }");
        queries.put("forecastBacktest weeks=13 dates=26", "{ forecastBacktest(" + p + ", weeks: 13, dates: 26) {"
                + " scored model { brier logLoss expectedCalibrationError intervalCoverage } baseline { brier logLoss"
                + " expectedCalibrationError intervalCoverage } } }");
        return queries;
    }

    private JsonNode graphQl(String port, String query) {
        try {
            String body = json.writeValueAsString(Map.of("query", query));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (answer.has("errors")) {
                throw new IllegalStateException("query failed: " + answer.get("errors"));
            }
            return answer;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * DuckDB over the same events: the events are read from the event store, decoded, and appended to an in-memory
     * DuckDB table once; then funnel (reached/visited per stage) and time in stage (cumulative time per deal and
     * stage: count, mean, median, p90) are computed by SQL and timed.
     */
    private Map<String, Histogram> duckDb(DataSource events) throws Exception {
        Map<String, Histogram> result = new LinkedHashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement ddl = duck.createStatement()) {
            ddl.execute("CREATE TABLE ev (deal VARCHAR, seq INTEGER, kind VARCHAR, stage VARCHAR, ts BIGINT)");
            long started = System.nanoTime();
            long rows = 0;
            try (Connection h2 = events.getConnection();
                 Statement select = h2.createStatement();
                 DuckDBAppender appender = ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                         "ev")) {
                select.setFetchSize(2000);
                try (ResultSet rs = select.executeQuery("SELECT aggregate_identifier, sequence_number, payload_type,"
                        + " payload FROM domain_event_entry WHERE aggregate_identifier LIKE 'deal:%'"
                        + " ORDER BY global_index")) {
                    while (rs.next()) {
                        JsonNode payload = json.readTree(rs.getBytes(4));
                        String type = rs.getString(3);
                        String kind = type.substring(type.lastIndexOf('.') + 1);
                        String stage = payload.has("toStage") ? payload.get("toStage").asText()
                                : payload.has("stage") ? payload.get("stage").asText() : null;
                        appender.beginRow();
                        appender.append(rs.getString(1));
                        appender.append(rs.getInt(2));
                        appender.append(kind);
                        appender.append(stage);
                        appender.append(Instant.parse(payload.get("occurredAt").asText()).toEpochMilli());
                        appender.endRow();
                        rows++;
                    }
                }
            }
            System.out.printf("DuckDB: loaded %d events in %.1f s (not counted in its query times)%n", rows,
                    (System.nanoTime() - started) / 1e9);
            ddl.execute("CREATE TABLE visits AS SELECT deal, stage, ts AS entered, "
                    + "LEAD(ts) OVER (PARTITION BY deal ORDER BY seq) AS exited, kind FROM ev");
            String funnel = "WITH pos AS (SELECT * FROM (VALUES " + stageValues() + ") t(stage, p)), "
                    + "dv AS (SELECT DISTINCT v.deal, pos.p FROM visits v JOIN pos USING (stage) "
                    + "  WHERE v.kind IN ('DealOpenedEvent','DealMovedToStageEvent','DealReopenedEvent')), "
                    + "hi AS (SELECT deal, MAX(p) AS highest FROM dv GROUP BY deal) "
                    + "SELECT pos.p, (SELECT COUNT(*) FROM hi WHERE highest >= pos.p) AS reached, "
                    + "(SELECT COUNT(*) FROM dv WHERE dv.p = pos.p) AS visited FROM pos ORDER BY pos.p";
            String timeInStage = "WITH c AS (SELECT deal, stage, SUM(exited - entered) AS ms FROM visits "
                    + "WHERE kind IN ('DealOpenedEvent','DealMovedToStageEvent','DealReopenedEvent') "
                    + "AND exited IS NOT NULL GROUP BY deal, stage) "
                    + "SELECT stage, COUNT(*), AVG(ms), MEDIAN(ms), quantile_disc(ms, 0.9) FROM c GROUP BY stage";
            result.put("duckdb funnel", time(() -> query(duck, funnel), 3, duckRuns));
            result.put("duckdb timeInStage", time(() -> query(duck, timeInStage), 3, duckRuns));
        }
        return result;
    }

    private static String stageValues() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < SolutionSalesTemplate.STAGES.size(); i++) {
            values.add("('" + SolutionSalesTemplate.STAGES.get(i).key() + "', " + (i + 1) + ")");
        }
        return String.join(", ", values);
    }

    private static void query(Connection duck, String sql) {
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean chosen(String name) {
        return only == null || only.matcher(name).matches();
    }

    /** Times the runs, keeping the process's CPU time per measured run under {@code name}. */
    private Histogram time(String name, Runnable action, int warmup, int runs) {
        Histogram histogram = time(action, warmup, runs);
        cpuPerRun.put(name, lastCpuNanos / 1e6 / runs);
        return histogram;
    }

    private Histogram time(Runnable action, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long cpuBefore = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            action.run();
            histogram.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started));
        }
        lastCpuNanos = processCpuNanos() - cpuBefore;
        return histogram;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void print(String name, Histogram h) {
        Double cpu = cpuPerRun.get(name);
        System.out.printf("%-34s %9.1f %9.1f %9.1f %9s%n", name, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                cpu == null ? "" : String.format("%.1f", cpu));
    }

    private static long heapMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
