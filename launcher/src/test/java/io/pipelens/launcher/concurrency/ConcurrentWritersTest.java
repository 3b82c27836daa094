package io.pipelens.launcher.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import io.pipelens.launcher.concurrency.StoredDeals.Change;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Eight writers hit the same twenty deals over HTTP at once, half through GraphQL mutations and half through the batch
 * endpoint, with moves, wins, losses and reopenings whose business times collide and arrive out of order. They share
 * two command-service instances on one event store: within an instance Axon's per-aggregate lock keeps commands on a
 * deal apart, so real optimistic-concurrency races happen between the instances, on the store's unique (aggregate,
 * sequence) index. Every answer is recorded. No update may be lost: every applied command is in the store exactly once, every deal's stored
 * sequence has no gap and never goes back in time, every refusal names its field and reason (a lost optimistic-
 * concurrency race answers as a conflict naming the deal), and the query service's funnel and time in stage equal an
 * oracle computed from the stored events.
 */
class ConcurrentWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE = "cc-main";
    private static final int WRITERS = 8;
    private static final int DEALS = 20;
    private static final int COMMANDS_PER_WRITER = 240;
    private static final int BATCH_SIZE = 6;
    private static final Instant OPENED = Instant.parse("2026-01-02T00:00:00Z");
    private static final List<String> STAGES = SolutionSalesTemplate.STAGES.stream().map(s -> s.key()).toList();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One command a writer sent, and what became of it. */
    record Sent(int writer, String deal, String kind, String stage, Instant at, String outcome,
                List<Map.Entry<String, String>> violations) {

        String key() {
            return deal + "|" + kind + "|" + (kind.equals("won") || kind.equals("lost") ? "" : stage) + "|" + at;
        }
    }

    @Test
    void eightWritersOnTheSameDealsLoseNoUpdateAndTheAnalyticsEqualTheOracle() throws Exception {
        String[] args = {"--pipelens.data-dir=" + dataDir, "--server.port=0"};
        try (Services services = PipelensLauncher.start(args);
             ConfigurableApplicationContext secondInstance = CommandServiceApplication.builder().run(args)) {
            String commandPort = services.commandPort();
            List<String> instances = List.of(commandPort,
                    secondInstance.getEnvironment().getProperty("local.server.port"));
            graphQl(commandPort, "mutation { definePipeline(input: {pipelineId: \"" + PIPELINE + "\", name: \"C\", "
                    + "useTemplate: true, occurredAt: \"2026-01-01T00:00:00Z\"}) { outcome } }");
            List<String> deals = IntStream.range(0, DEALS).mapToObj(i -> String.format("cc-%02d", i)).toList();
            for (String deal : deals) {
                JsonNode opened = graphQl(commandPort, "mutation { openDeal(input: {dealId: \"" + deal
                        + "\", pipelineId: \"" + PIPELINE + "\", stage: \"contact\", occurredAt: \"" + OPENED
                        + "\"}) { outcome } }");
                assertThat(opened.at("/data/openDeal/outcome").asText()).isEqualTo("APPLIED");
            }

            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<List<Sent>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(instances.get(writer / 2 % 2), writer, deals)));
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<List<Sent>> writer : writers) {
                sent.addAll(writer.get());
            }
            pool.shutdown();

            JdbcTemplate store = new JdbcTemplate(services.command().getBean(DataSource.class));
            Map<String, List<Change>> stored = storedHistories(store, new TreeSet<>(deals));

            Map<String, Long> appliedKeys = sent.stream().filter(s -> s.outcome().equals("APPLIED"))
                    .collect(Collectors.groupingBy(Sent::key, Collectors.counting()));
            Map<String, Long> storedKeys = new HashMap<>();
            stored.forEach((deal, changes) -> changes.stream().skip(1).forEach(c -> storedKeys.merge(
                    deal + "|" + c.kind() + "|" + (c.kind().equals("won") || c.kind().equals("lost") ? ""
                            : c.stage()) + "|" + c.at(), 1L, Long::sum)));
            assertThat(storedKeys).as("every applied command's event is stored exactly once, and nothing else")
                    .isEqualTo(appliedKeys);
            for (Sent duplicate : sent.stream().filter(s -> s.outcome().equals("DUPLICATE")).toList()) {
                assertThat(storedKeys).as("a DUPLICATE repeats a stored change: %s", duplicate)
                        .containsKey(duplicate.key());
            }
            long conflicts = 0;
            for (Sent refused : sent.stream().filter(s -> s.outcome().equals("REJECTED")).toList()) {
                assertThat(refused.violations()).as("reasons of %s", refused).isNotEmpty();
                for (Map.Entry<String, String> violation : refused.violations()) {
                    assertThat(violation.getKey()).as("field of %s", refused)
                            .isIn("dealId", "stage", "occurredAt");
                    assertThat(violation.getValue()).as("reason of %s", refused).hasSizeGreaterThan(15);
                    if (violation.getValue().contains("changed concurrently")) {
                        assertThat(violation.getKey()).isEqualTo("dealId");
                        assertThat(violation.getValue()).contains("'" + refused.deal() + "'");
                        conflicts++;
                    } else if (violation.getKey().equals("occurredAt")) {
                        assertThat(violation.getValue()).as("out-of-order refusal of %s", refused)
                                .contains("earlier than");
                    }
                }
            }
            assertThat(sent.stream().map(Sent::outcome).collect(Collectors.toSet()))
                    .isSubsetOf(Set.of("APPLIED", "DUPLICATE", "REJECTED"));
            assertThat(appliedKeys.values().stream().mapToLong(Long::longValue).sum())
                    .as("enough commands applied for the test to mean something").isGreaterThan(200);

            StoredDeals oracle = new StoredDeals(STAGES, stored);
            String port = services.queryPort();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode funnel = graphQl(port, "{ funnel(pipelineId: \"" + PIPELINE + "\") { open won lost "
                        + "stages { key reached visited skipped openAt lostAt wonFrom } } }").at("/data/funnel");
                assertThat(List.of(funnel.path("open").asInt(), funnel.path("won").asInt(),
                        funnel.path("lost").asInt()))
                        .isEqualTo(List.of(oracle.count("OPEN"), oracle.count("WON"), oracle.count("LOST")));
                List<StoredDeals.StageCounts> served = new ArrayList<>();
                funnel.path("stages").forEach(s -> served.add(new StoredDeals.StageCounts(s.path("key").asText(),
                        s.path("reached").asInt(), s.path("visited").asInt(), s.path("skipped").asInt(),
                        s.path("openAt").asInt(), s.path("lostAt").asInt(), s.path("wonFrom").asInt())));
                assertThat(served).isEqualTo(oracle.funnel());
            });
            JsonNode times = graphQl(port, "{ timeInStage(pipelineId: \"" + PIPELINE + "\") { stages { key "
                    + "durations { count meanSeconds maxSeconds } } } }").at("/data/timeInStage/stages");
            List<StoredDeals.StageTime> expected = oracle.cumulativeTimeInStage();
            assertThat(times).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode d = times.get(i).path("durations");
                StoredDeals.StageTime stage = expected.get(i);
                assertThat(times.get(i).path("key").asText()).isEqualTo(stage.key());
                assertThat(d.path("count").asInt()).as("count at %s", stage.key()).isEqualTo(stage.count());
                if (stage.meanSeconds() == null) {
                    assertThat(d.path("meanSeconds").isNull()).isTrue();
                } else {
                    assertThat(d.path("meanSeconds").asDouble()).as("mean at %s", stage.key())
                            .isCloseTo(stage.meanSeconds(), org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(d.path("maxSeconds").asDouble()).isEqualTo(stage.maxSeconds());
                }
            }

            double races = racesLost(services.command()) + racesLost(secondInstance);
            System.out.printf("Concurrent writers: %d commands sent by %d writers on %d deals through 2 instances: "
                            + "%d applied, %d duplicate, %.0f optimistic-concurrency races lost and retried, "
                            + "%d conflicts answered, %d other refusals (%s)%n", sent.size(), WRITERS, DEALS,
                    count(sent, "APPLIED"), count(sent, "DUPLICATE"), races, conflicts,
                    count(sent, "REJECTED") - conflicts, refusalsByField(sent));
        }
    }

    /** The races an instance's commands lost (pipelens_command_races_total), each one retried or answered. */
    private static double racesLost(ConfigurableApplicationContext commandService) {
        return commandService.getBean(MeterRegistry.class).find("pipelens.command.races").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** One writer: a reproducible stream of commands whose business times drift forward, collide and overtake. */
    private List<Sent> write(String port, int writer, List<String> deals) throws Exception {
        Random random = new Random(7919L * (writer + 1));
        List<Sent> sent = new ArrayList<>();
        List<Sent> pending = new ArrayList<>();
        for (int i = 0; i < COMMANDS_PER_WRITER; i++) {
            String deal = deals.get(random.nextInt(deals.size()));
            Instant at = OPENED.plus(Duration.ofHours(2L + i + random.nextInt(7) - 3));
            int roll = random.nextInt(100);
            String kind = roll < 50 ? "moved" : roll < 62 ? "won" : roll < 75 ? "lost" : "reopened";
            String stage = kind.equals("moved") || kind.equals("reopened") ? STAGES.get(random.nextInt(STAGES.size()))
                    : null;
            Sent command = new Sent(writer, deal, kind, stage, at, null, List.of());
            if (writer % 2 == 0) {
                sent.add(mutate(port, command));
            } else {
                pending.add(command);
                if (pending.size() == BATCH_SIZE || i == COMMANDS_PER_WRITER - 1) {
                    sent.addAll(batch(port, pending));
                    pending.clear();
                }
            }
        }
        return sent;
    }

    private Sent mutate(String port, Sent command) throws IOException, InterruptedException {
        String mutation = switch (command.kind()) {
            case "moved" -> "moveDealToStage";
            case "won" -> "winDeal";
            case "lost" -> "loseDeal";
            default -> "reopenDeal";
        };
        JsonNode response = graphQl(port, "mutation { " + mutation + "(input: " + input(command) + ") { outcome } }");
        if (response.path("data").path(mutation).hasNonNull("outcome")) {
            return withOutcome(command, response.path("data").path(mutation).path("outcome").asText(), List.of());
        }
        List<Map.Entry<String, String>> violations = new ArrayList<>();
        for (JsonNode error : response.path("errors")) {
            error.path("extensions").path("violations").forEach(v -> violations.add(Map.entry(
                    v.path("field").asText(), v.path("reason").asText())));
            if (error.path("extensions").path("violations").isMissingNode()) {
                violations.add(Map.entry("(none)", error.path("message").asText()));
            }
        }
        return withOutcome(command, "REJECTED", violations);
    }

    private List<Sent> batch(String port, List<Sent> commands) throws IOException, InterruptedException {
        ArrayNode items = JSON.createArrayNode();
        for (Sent command : commands) {
            ObjectNode input = (ObjectNode) JSON.readTree(input(command).replaceAll("(\\w+): ", "\"$1\": "));
            items.addObject().put("type", switch (command.kind()) {
                case "moved" -> "moveDealToStage";
                case "won" -> "winDeal";
                case "lost" -> "loseDeal";
                default -> "reopenDeal";
            }).set("input", input);
        }
        HttpResponse<String> response = post(port, "/api/commands/batch",
                JSON.writeValueAsString(JSON.createObjectNode().set("commands", items)));
        assertThat(response.statusCode()).as("batch answer %s", response.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).path("results");
        List<Sent> answered = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            JsonNode result = results.get(i);
            List<Map.Entry<String, String>> violations = new ArrayList<>();
            result.path("violations").forEach(v -> violations.add(Map.entry(v.path("field").asText(),
                    v.path("reason").asText())));
            answered.add(withOutcome(commands.get(i), result.path("outcome").asText(), violations));
        }
        return answered;
    }

    private static String input(Sent command) {
        return "{dealId: \"" + command.deal() + "\", occurredAt: \"" + command.at() + "\""
                + (command.stage() == null ? "" : ", stage: \"" + command.stage() + "\"")
                + (command.kind().equals("lost") ? ", reason: \"chose a competitor\"" : "") + "}";
    }

    private static Sent withOutcome(Sent command, String outcome, List<Map.Entry<String, String>> violations) {
        return new Sent(command.writer(), command.deal(), command.kind(), command.stage(), command.at(), outcome,
                violations);
    }

    /** Every deal's stored events in sequence order; the sequence must have no gap and never go back in time. */
    private static Map<String, List<Change>> storedHistories(JdbcTemplate store, Set<String> deals)
            throws IOException {
        Map<String, List<Change>> histories = StoredDeals.emptyHistories(deals);
        Map<String, List<Long>> sequences = new HashMap<>();
        List<Map<String, Object>> rows = store.queryForList("SELECT aggregate_identifier, sequence_number, "
                + "payload_type, payload FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number");
        for (Map<String, Object> row : rows) {
            String type = (String) row.get("PAYLOAD_TYPE");
            if (!type.startsWith("io.pipelens.kernel.deal.")) {
                continue;
            }
            JsonNode event = JSON.readTree(new String((byte[]) row.get("PAYLOAD"), StandardCharsets.UTF_8));
            String deal = event.path("dealId").asText();
            if (!histories.containsKey(deal)) {
                continue;
            }
            String kind = type.substring(type.lastIndexOf('.') + 1).replace("Deal", "").replace("Event", "")
                    .replace("MovedToStage", "Moved").toLowerCase(java.util.Locale.ROOT);
            String stage = event.hasNonNull("toStage") ? event.path("toStage").asText() : event.path("stage").asText();
            histories.get(deal).add(new Change(kind, stage, Instant.parse(event.path("occurredAt").asText())));
            sequences.computeIfAbsent(deal, d -> new ArrayList<>())
                    .add(((Number) row.get("SEQUENCE_NUMBER")).longValue());
        }
        histories.forEach((deal, changes) -> {
            assertThat(sequences.get(deal)).as("sequence of %s", deal)
                    .isEqualTo(IntStream.range(0, changes.size()).mapToObj(Long::valueOf).toList());
            assertThat(changes.get(0).kind()).isEqualTo("opened");
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).at()).as("business time of %s #%d", deal, i)
                        .isAfterOrEqualTo(changes.get(i - 1).at());
            }
        });
        return histories;
    }

    private JsonNode graphQl(String port, String document) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("query", document);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> post(String port, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long count(List<Sent> sent, String outcome) {
        return sent.stream().filter(s -> s.outcome().equals(outcome)).count();
    }

    private static Map<String, Long> refusalsByField(List<Sent> sent) {
        return sent.stream().filter(s -> s.outcome().equals("REJECTED"))
                .flatMap(s -> s.violations().stream().limit(1))
                .collect(Collectors.groupingBy(v -> v.getKey() + ": " + v.getValue().replaceAll("'[\\w.:-]+'", "'…'")
                        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "…"), java.util.TreeMap::new,
                        Collectors.counting()));
    }
}
