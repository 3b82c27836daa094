package io.pipelens.launcher.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every case of the {@link Catalogue} over real HTTP against both services: the error must name the case's field and
 * give its reason, and neither the event store nor any read model may change. The answers observed are written to
 * {@code docs/bad-input.md}, which this test keeps in step: it fails when the document differs from what the services
 * answer (run with {@code -Dpipelens.bad-input.write=true} to rewrite it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "bad-input.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private Services services;
    private HttpClient http;
    private JdbcTemplate events;
    private MongoDatabase readModels;
    private final Map<String, String> observed = new ConcurrentHashMap<>();

    @BeforeAll
    void startAndSeed() throws Exception {
        services = PipelensLauncher.start("--pipelens.data-dir=" + dataDir, "--server.port=0");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        events = new JdbcTemplate(services.command().getBean(DataSource.class));
        readModels = services.query().getBean(MongoDatabaseFactory.class).getMongoDatabase();
        String p = Catalogue.PIPELINE;
        seed("definePipeline(input: {pipelineId: \"" + p + "\", name: \"Main\", useTemplate: true, "
                + "occurredAt: \"2026-01-01T00:00:00Z\"})");
        for (String deal : List.of(Catalogue.OPEN, Catalogue.WON, Catalogue.LOST)) {
            seed("openDeal(input: {dealId: \"" + deal + "\", pipelineId: \"" + p + "\", stage: \"contact\", "
                    + "occurredAt: \"2026-01-05T09:00:00Z\", attributes: {owner: \"ann\", amount: \"100\", "
                    + "currency: \"EUR\"}})");
        }
        seed("moveDealToStage(input: {dealId: \"" + Catalogue.OPEN + "\", stage: \"qualification\", "
                + "occurredAt: \"2026-01-10T09:00:00Z\"})");
        seed("winDeal(input: {dealId: \"" + Catalogue.WON + "\", occurredAt: \"2026-01-06T09:00:00Z\"})");
        seed("loseDeal(input: {dealId: \"" + Catalogue.LOST + "\", reason: \"no budget\", "
                + "occurredAt: \"2026-01-06T09:00:00Z\"})");
        await().atMost(Duration.ofSeconds(30)).until(() -> graphQl(services.queryPort(),
                "{ funnel(pipelineId: \"" + p + "\") { open won lost } }")
                .at("/data/funnel").toString().equals("{\"open\":1,\"won\":1,\"lost\":1}"));
    }

    @AfterAll
    void stopAndDocument() throws IOException {
        if (services != null) {
            services.close();
        }
        String document = BadInputDocument.render(Catalogue.cases(), observed);
        if (Boolean.getBoolean("pipelens.bad-input.write")) {
            Files.writeString(DOCUMENT, document);
        } else if (observed.size() == Catalogue.cases().size()) {
            assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
                    .as("docs/bad-input.md is out of step with the services' answers; rerun this test with "
                            + "-Dpipelens.bad-input.write=true")
                    .isEqualTo(document);
        }
    }

    static List<BadInput> catalogue() {
        return Catalogue.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInputIsRefusedByFieldAndReasonAndChangesNothing(BadInput bad) throws Exception {
        long eventsBefore = eventCount();
        Map<String, List<String>> modelsBefore = snapshot();

        List<Named> errors = send(bad);

        assertThat(errors).as("errors of '%s'", bad.name()).isNotEmpty();
        Named match = errors.stream().filter(e -> e.names(bad.field()) && e.reason().contains(bad.phrase()))
                .findFirst().orElse(null);
        assertThat(match).as("'%s' must name %s with a reason containing '%s'; got %s", bad.name(), bad.field(),
                bad.phrase(), errors).isNotNull();
        observed.put(bad.name(), (match.field() == null ? "" : match.field() + ": ") + match.reason());
        assertThat(eventCount()).as("events appended by '%s'", bad.name()).isEqualTo(eventsBefore);
        assertThat(snapshot()).as("read models changed by '%s'", bad.name()).isEqualTo(modelsBefore);
    }

    private List<Named> send(BadInput bad) throws Exception {
        return switch (bad.surface()) {
            case COMMAND_GRAPHQL -> graphQlErrors(graphQl(services.commandPort(), bad.request()));
            case QUERY_GRAPHQL -> graphQlErrors(graphQl(services.queryPort(), bad.request()));
            case BATCH -> batchErrors(post(services.commandPort(), "/api/commands/batch", "application/json",
                    bad.request()));
            case IMPORT -> importErrors(post(services.commandPort(), "/api/import?" + bad.parameters(),
                    bad.parameters().contains("ndjson") ? "application/x-ndjson" : "text/csv", bad.request()));
        };
    }

    /** A GraphQL error names a field through its violations or, for a document graphql-java refuses, its message. */
    private static List<Named> graphQlErrors(JsonNode response) {
        List<Named> found = new ArrayList<>();
        for (JsonNode error : response.path("errors")) {
            JsonNode violations = error.path("extensions").path("violations");
            if (violations.isArray() && !violations.isEmpty()) {
                violations.forEach(v -> found.add(new Named(v.path("field").asText(), v.path("reason").asText())));
            } else {
                found.add(new Named(null, error.path("message").asText()));
            }
        }
        return found;
    }

    private static List<Named> batchErrors(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        List<Named> found = new ArrayList<>();
        body.path("violations").forEach(v -> found.add(new Named(v.path("field").asText(), v.path("reason")
                .asText())));
        for (JsonNode result : body.path("results")) {
            assertThat(result.path("outcome").asText()).as("batch item %s", result).isEqualTo("REJECTED");
            result.path("violations").forEach(v -> found.add(new Named(v.path("field").asText(),
                    v.path("reason").asText())));
        }
        return found;
    }

    private static List<Named> importErrors(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("import answer %s", response.body()).isEqualTo(400);
        List<Named> found = new ArrayList<>();
        JSON.readTree(response.body()).path("problems").forEach(p -> found.add(new Named(
                p.path("column").isNull() || p.path("column").isMissingNode()
                        ? (p.path("row").asLong() == 0 ? "file" : "row") : p.path("column").asText(),
                (p.path("row").asLong() == 0 ? "" : "row " + p.path("row").asLong() + ": ")
                        + p.path("reason").asText())));
        return found;
    }

    private void seed(String call) throws Exception {
        JsonNode response = graphQl(services.commandPort(), "mutation { " + call + " { outcome } }");
        assertThat(response.path("errors").isMissingNode()).as("seed %s: %s", call, response).isTrue();
    }

    private JsonNode graphQl(String port, String document) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("query", document);
        return JSON.readTree(post(port, "/graphql", "application/json", JSON.writeValueAsString(body)).body());
    }

    private HttpResponse<String> post(String port, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long eventCount() {
        return events.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** Every read-model collection, document by document; the processors' tokens are not read models. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> models = new TreeMap<>();
        for (String name : readModels.listCollectionNames()) {
            if (!name.toLowerCase(java.util.Locale.ROOT).contains("token")) {
                models.put(name, StreamSupport.stream(readModels.getCollection(name).find()
                                .sort(new Document("_id", 1)).spliterator(), false)
                        .map(Document::toJson).collect(Collectors.toList()));
            }
        }
        return models;
    }

    /** One error: the field it names (null when only its message can name it) and its reason. */
    record Named(String field, String reason) {

        boolean names(String expected) {
            return field == null ? reason.contains(expected) : field.equals(expected);
        }
    }
}
