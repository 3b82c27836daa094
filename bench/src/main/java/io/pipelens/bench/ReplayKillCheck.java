package io.pipelens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pipelens.query.QueryServiceApplication;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A replay survives SIGKILL. Prepares a store (H2 event file) with generated deals and lets the journeys catch up
 * uninterrupted: those figures are the reference. Then starts the query service as a separate JVM on that store, asks
 * it for a replay of deal-journey, kills it with SIGKILL part-way ({@code --kills} times, at evenly spaced progress),
 * restarts it each time, and checks that it still answers from the last complete state meanwhile, that each restart
 * resumes the replay near where it was killed, that it switches over, and that every journey and the analytics
 * answers equal the reference. Exits non-zero on any difference.
 *
 * <p>The read models live where production keeps them: in a MongoDB server that outlives the killed process (here a
 * mongo-java-server in memory, run by this command on a loopback port). The embedded default keeps them inside the
 * query service's own process instead, and rebuilds them from the event store after an unclean stop (see
 * {@code CleanShutdownMarker}); that path is exercised by {@code .ci/crash-tests.sh}.
 */
@Command(name = "replay-kill", description = "SIGKILL the query service mid-replay, restart it, compare the figures")
final class ReplayKillCheck implements Callable<Integer> {

    static final String PIPELINE = "kill";
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration WITHIN = Duration.ofMinutes(5);

    @Option(names = "--events", defaultValue = "300000", description = "events to load, at least (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--jar", required = true, description = "the query service's executable jar")
    Path jar;

    @Option(names = "--kills", defaultValue = "3",
            description = "SIGKILLs, at evenly spaced replay progress (default ${DEFAULT-VALUE})")
    int kills;

    /** How far before the kill a resumed replay may start: the batches handled but not yet committed as a token. */
    static final double RESUME_SLACK = 0.05;
    /** The replay rate of a restarted service, events/s. */
    static final int RESUMED_RATE = 3_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private int preparedDeals;
    private String mongoUri;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try (DataDirectory data = DataDirectory.create("pipelens-replay-kill")) {
            mongo.bind("127.0.0.1", 0);
            mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/pipelens";
            System.out.println("read models in the MongoDB server at " + mongoUri);
            try {
                return run(data.path());
            } catch (Exception | Error e) {
                // The services' logs are in it.
                data.keep();
                throw e;
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private int run(Path dir) throws Exception {
        prepare(dir);

        int port = freePort();
        Process service = start(dir, port, "first");
        Map<String, String> reference;
        try {
            awaitUp(port);
            awaitCaughtUp(port);
            reference = figures(port);
            System.out.println("reference (uninterrupted catch-up): " + summary(reference));
            check(reference.get("journeys").startsWith(preparedDeals + " deals"), "every prepared deal has a journey");
            graphQl(port, "mutation { replayProjection(name: \"deal-journey\") { replaying } }");
        } catch (Exception | Error e) {
            service.destroyForcibly().waitFor();
            throw e;
        }
        for (int kill = 1; kill <= kills; kill++) {
            double killedAt;
            try {
                killedAt = awaitProgress(port, kill / (kills + 1.0));
            } finally {
                service.destroyForcibly().waitFor();
            }
            System.out.printf("SIGKILL %d of %d at replay progress %.3f%n", kill, kills, killedAt);
            service = start(dir, port, "restarted-" + kill);
            try {
                awaitUp(port);
                double resumedAt = awaitResumed(port);
                System.out.printf("restart %d resumed the replay at progress %.3f%n", kill, resumedAt);
                check(resumedAt >= killedAt - RESUME_SLACK, "restart " + kill + " resumed the replay where it was"
                        + " killed, not from the start");
                if (kill == 1) {
                    Map<String, String> meanwhile = figures(port);
                    require(!graphQl(port, "{ deals(first: 1) { replay { progress } } }").get("deals").get("replay")
                            .isNull(), "the replay still runs once the figures meanwhile are read (load more events"
                            + " with --events)");
                    check(reference.equals(meanwhile), "answers from the last complete state while the replay"
                            + " resumed");
                }
            } catch (Exception | Error e) {
                service.destroyForcibly().waitFor();
                throw e;
            }
        }
        try {
            long started = System.nanoTime();
            awaitReplayDone(port);
            System.out.printf("resumed replay finished %.1f s later%n", (System.nanoTime() - started) / 1e9);
            Map<String, String> after = figures(port);
            System.out.println("after the resumed replay:           " + summary(after));
            check(reference.equals(after), "figures after the resumed replay equal the uninterrupted ones");
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
        System.out.printf("replay-kill: OK (%d SIGKILLs mid-replay survived)%n", kills);
        return 0;
    }

    /**
     * The replay's progress once the restarted service has handled its first batch: a resumed replay starts near
     * where the killed one was, one starting over near 0. The replay must still be running.
     */
    private double awaitResumed(int port) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            JsonNode replay = graphQl(port, "{ deals(first: 1) { replay { progress } } }").get("deals").get("replay");
            require(!replay.isNull(), "the restarted service still reports the replay");
            double progress = replay.get("progress").asDouble();
            if (progress > 0) {
                return progress;
            }
            require(System.nanoTime() < deadline, "the resumed replay handles a batch within " + WITHIN);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Loads the events in-process and lets the journeys and indexes catch up, then closes the store. */
    private void prepare(Path dir) throws InterruptedException {
        ConfigurableApplicationContext query = QueryServiceApplication.builder().run(
                "--pipelens.data-dir=" + dir, "--spring.data.mongodb.uri=" + mongoUri, "--server.port=0",
                "--logging.level.root=WARN");
        try {
            HistoryEvents.Appended appended = HistoryEvents.appendDemo(query.getBean(EventStorageEngine.class),
                    PIPELINE, "Kill test", 7, AS_OF, (count, deals) -> count < events);
            StreamingEventProcessor processor = query.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(DealJourneyProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            JourneyStore journeys = query.getBean(JourneyStore.class);
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (journeys.replay() != null || processor.processingStatus().isEmpty()
                    || !processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                require(System.nanoTime() < deadline, "initial catch-up within " + WITHIN);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            System.out.printf("prepared %d events for %d deals%n", appended.events(), appended.deals());
            preparedDeals = appended.deals();
        } finally {
            query.close();
        }
    }

    private Process start(Path dir, int port, String name) throws IOException {
        Path log = dir.resolve("query-service-" + name + ".log");
        System.out.println("starting the query service (" + name + "), log " + log);
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar.toString(), "--pipelens.data-dir=" + dir, "--spring.data.mongodb.uri=" + mongoUri,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--logging.level.root=WARN", "--logging.level.io.pipelens=INFO"));
        if (!name.equals("first")) {
            // A restarted service resumes the replay at a capped rate, so that it outlasts reading every figure
            // meanwhile (both take time in proportion to the deals, so more events would not do it).
            command.add("--pipelens.replay.max-events-per-second=" + RESUMED_RATE);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Funnel, time in stage and skip impact answers, and a digest of every journey, as JSON text. */
    private Map<String, String> figures(int port) throws Exception {
        String p = "pipelineId: \"" + PIPELINE + "\"";
        String analytics = graphQl(port, "{ funnel(" + p + ") { context { deals version } open won lost winRate"
                + " stages { key reached visited skipped progressed lostAt wonFrom openAt } }"
                + " timeInStage(" + p + ", asOf: \"" + AS_OF + "\") { stages { key durations { count medianSeconds"
                + " p90Seconds maxSeconds } } }"
                + " skipImpact(" + p + ") { closedDeals stages { key fisherP relativeRisk } } }").toString();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String after = null;
        long deals = 0;
        do {
            JsonNode page = graphQl(port, "{ deals(first: 500" + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { items { id pipelineId status stage owner amount openedAt closedAt lostReason"
                    + " lastTransitionAt visits { stage enteredAt exitedAt } } endCursor hasNextPage } }")
                    .get("deals");
            for (JsonNode item : page.get("items")) {
                digest.update(item.toString().getBytes(StandardCharsets.UTF_8));
                deals++;
            }
            after = page.get("hasNextPage").asBoolean() ? page.get("endCursor").asText() : null;
        } while (after != null);
        return Map.of("analytics", analytics, "journeys", deals + " deals, sha256 "
                + HexFormat.of().formatHex(digest.digest()));
    }

    /** The figures in a line: the journeys' count and digest, and a digest of the analytics answers. */
    private static String summary(Map<String, String> figures) throws Exception {
        byte[] analytics = MessageDigest.getInstance("SHA-256")
                .digest(figures.get("analytics").getBytes(StandardCharsets.UTF_8));
        return figures.get("journeys") + "; analytics answers sha256 " + HexFormat.of().formatHex(analytics);
    }

    private double awaitProgress(int port, double at) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            JsonNode replay = graphQl(port, "{ deals(first: 1) { replay { progress } } }").get("deals").get("replay");
            require(!replay.isNull(), "the replay is still running before progress " + at
                    + " (load more events with --events)");
            double progress = replay.get("progress").asDouble();
            if (progress >= at) {
                return progress;
            }
            require(System.nanoTime() < deadline, "replay progress " + at + " within " + WITHIN);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void awaitReplayDone(int port) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!graphQl(port, "{ deals(first: 1) { replay { progress } } }").get("deals").get("replay").isNull()) {
            require(System.nanoTime() < deadline, "the resumed replay finishes within " + WITHIN);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Waits until deal-journey has handled the store's head with no replay running: the service may start behind,
     * since the store it was given resumes from its last committed token.
     */
    private void awaitCaughtUp(int port) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            for (JsonNode projection : graphQl(port, "{ projections { name position head replaying } }")
                    .get("projections")) {
                if (projection.get("name").asText().equals(DealJourneyProjection.PROCESSOR)
                        && !projection.get("replaying").asBoolean() && !projection.get("head").isNull()
                        && projection.get("position").asDouble() >= projection.get("head").asDouble()) {
                    return;
                }
            }
            require(System.nanoTime() < deadline, "deal-journey catches up within " + WITHIN);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private void awaitUp(int port) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            try {
                graphQl(port, "{ projections { name } }");
                return;
            } catch (IOException notYet) {
                require(System.nanoTime() < deadline, "the query service answers within " + WITHIN);
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private JsonNode graphQl(int port, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (answer.has("errors")) {
            throw new IllegalStateException("query failed: " + answer.get("errors"));
        }
        return answer.get("data");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("replay-kill failed: " + what);
        }
        System.out.println("ok: " + what);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("replay-kill failed: " + what);
        }
    }

    /** A loopback port free at the time of asking. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The java executable of this JVM, to start services as separate processes with. */
    static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
