package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.launcher.PipelensLauncher.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The command service and the query service run as two Spring contexts that share only the event store. A mutation
 * on the command side must become visible through the query side's GraphQL, with business times intact; refused
 * commands must append nothing. Subclasses choose the event store (H2 file, PostgreSQL).
 */
abstract class TwoServicesContract {

    @TempDir
    Path dataDir;

    /** Arguments that select the event store, besides the data directory. */
    abstract List<String> storeArguments();

    Services start(String... settings) {
        List<String> args = new ArrayList<>(storeArguments());
        args.add("--pipelens.data-dir=" + dataDir);
        args.add("--server.port=0");
        args.addAll(List.of(settings));
        return PipelensLauncher.start(args.toArray(String[]::new));
    }

    static HttpGraphQlTester graphQl(String port) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return HttpGraphQlTester.create(client);
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Defines the pipeline and opens the deal in its stage {@code contact} on 2026-01-05, both applied. */
    private static void defineAndOpen(HttpGraphQlTester commands, String pipelineId, String dealId) {
        commands.documentName("definePipeline").variable("id", pipelineId).execute()
                .path("definePipeline.outcome").entity(String.class).isEqualTo("APPLIED");
        commands.documentName("openDeal")
                .variable("dealId", dealId).variable("pipelineId", pipelineId)
                .variable("stage", "contact").variable("at", "2026-01-05T09:00:00Z").execute()
                .path("openDeal.outcome").entity(String.class).isEqualTo("APPLIED");
    }

    @Test
    void mutationsBecomeVisibleThroughQueryGraphQlWithBusinessTimes() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start()) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            HttpGraphQlTester queries = graphQl(services.queryPort());

            defineAndOpen(commands, pipelineId, dealId);
            commands.documentName("moveDeal")
                    .variable("dealId", dealId).variable("stage", "qualification")
                    .variable("at", "2026-01-07T12:30:00+02:00").execute()
                    .path("moveDealToStage.outcome").entity(String.class).isEqualTo("APPLIED");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.documentName("deal")
                    .variable("id", dealId).execute()
                    .path("deal.visits[*].stage").entityList(String.class)
                    .containsExactly("contact", "qualification"));

            var deal = queries.documentName("deal").variable("id", dealId).execute();
            deal.path("deal.status").entity(String.class).isEqualTo("OPEN");
            deal.path("deal.pipelineId").entity(String.class).isEqualTo(pipelineId);
            deal.path("deal.owner").entity(String.class).isEqualTo("ann");
            deal.path("deal.amount").entity(String.class).isEqualTo("12500.00");
            deal.path("deal.visits[0].enteredAt").entity(String.class).isEqualTo("2026-01-05T09:00:00Z");
            deal.path("deal.visits[0].exitedAt").entity(String.class).isEqualTo("2026-01-07T10:30:00Z");
            deal.path("deal.visits[0].durationSeconds").entity(Long.class).isEqualTo(178200L);
            deal.path("deal.visits[1].exitedAt").valueIsNull();
        }
    }

    /**
     * In one process the command service's commit wakes the query service's event store: a deal shows at once
     * although the query side would poll for it only an hour later.
     */
    @Test
    void theQuerySideReadsACommitOfItsOwnProcessWithoutWaitingForItsPoll() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start("--query.pipelens.event-store.fetch-delay=1h")) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            HttpGraphQlTester queries = graphQl(services.queryPort());
            defineAndOpen(commands, pipelineId, dealId);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.documentName("deal")
                    .variable("id", dealId).execute()
                    .path("deal.visits[*].stage").entityList(String.class).containsExactly("contact"));
        }
    }

    @Test
    void exitCriteriaGoFromTheTemplateThroughMovesAndWinsIntoTheJourney() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start()) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            HttpGraphQlTester queries = graphQl(services.queryPort());

            var template = commands.document("{ pipelineTemplate { stages { key criteria { key text textRu } } } }")
                    .execute();
            template.path("pipelineTemplate.stages[2].criteria[*].key").entityList(String.class).containsExactly(
                    "problem-confirmed", "solution-agreed", "deadline", "budget", "deal-plan");
            template.path("pipelineTemplate.stages[2].criteria[3].textRu").entity(String.class)
                    .isEqualTo("Бюджет согласован");

            commands.documentName("definePipeline").variable("id", pipelineId).execute()
                    .path("definePipeline.outcome").entity(String.class).isEqualTo("APPLIED");
            commands.documentName("openDeal").variable("dealId", dealId).variable("pipelineId", pipelineId)
                    .variable("stage", "qualification").variable("at", "2026-01-05T09:00:00Z").execute();
            commands.document("mutation { moveDealToStage(input: {dealId: \"" + dealId + "\", stage: \"terms\", "
                    + "occurredAt: \"2026-01-07T09:00:00Z\", confirmedCriteria: [\"budget\", \"deadline\"]}) "
                    + "{ outcome } }").execute().path("moveDealToStage.outcome").entity(String.class)
                    .isEqualTo("APPLIED");
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + services.commandPort()).build().post()
                    .uri("/api/commands/batch").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue("{\"commands\": [{\"type\": \"moveDealToStage\", \"input\": {\"dealId\": \""
                            + dealId + "\", \"stage\": \"signing\", \"occurredAt\": \"2026-01-08T09:00:00Z\", "
                            + "\"confirmedCriteria\": []}}]}")
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[0].outcome")
                    .isEqualTo("APPLIED");
            commands.document("mutation { winDeal(input: {dealId: \"" + dealId + "\", occurredAt: "
                    + "\"2026-01-09T09:00:00Z\", confirmedCriteria: [\"documents-signed\"]}) { outcome } }")
                    .execute().path("winDeal.outcome").entity(String.class).isEqualTo("APPLIED");

            String journey = "query($id: ID!) { deal(id: $id) { status visits { stage confirmedCriteria } } }";
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.document(journey)
                    .variable("id", dealId).execute().path("deal.status").entity(String.class).isEqualTo("WON"));
            var deal = queries.document(journey).variable("id", dealId).execute();
            deal.path("deal.visits[0].confirmedCriteria").entityList(String.class).containsExactly("budget",
                    "deadline");
            deal.path("deal.visits[1].confirmedCriteria").entityList(String.class).hasSize(0);
            deal.path("deal.visits[2].confirmedCriteria").entityList(String.class)
                    .containsExactly("documents-signed");
            queries.document("query($id: ID!) { pipeline(id: $id) { selected { stages { key criteria { key } } } } }")
                    .variable("id", pipelineId).execute()
                    .path("pipeline.selected.stages[0].criteria[*].key").entityList(String.class)
                    .containsExactly("contact-access");
        }
    }

    @Test
    void expectedCloseDateGoesFromMutationsAndTheBatchIntoTheJourney() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start()) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            HttpGraphQlTester queries = graphQl(services.queryPort());
            commands.documentName("definePipeline").variable("id", pipelineId).execute();
            commands.document("mutation { openDeal(input: {dealId: \"" + dealId + "\", pipelineId: \"" + pipelineId
                    + "\", stage: \"contact\", occurredAt: \"2026-01-05T09:00:00Z\", attributes: {owner: \"ann\", "
                    + "expectedCloseDate: \"2026-02-27\"}}) { outcome } }").execute()
                    .path("openDeal.outcome").entity(String.class).isEqualTo("APPLIED");
            String journey = "query($id: ID!) { deal(id: $id) { owner expectedCloseDate lastTransitionAt } }";
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.document(journey)
                    .variable("id", dealId).execute().path("deal.expectedCloseDate").entity(String.class)
                    .isEqualTo("2026-02-27"));

            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + services.commandPort()).build().post()
                    .uri("/api/commands/batch").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue("{\"commands\": [{\"type\": \"changeDealAttributes\", \"input\": {\"dealId\": \""
                            + dealId + "\", \"occurredAt\": \"2026-01-20T09:00:00Z\", \"attributes\": "
                            + "{\"owner\": \"ann\", \"expectedCloseDate\": \"2026-03-31\"}}}]}")
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.results[0].outcome")
                    .isEqualTo("APPLIED");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.document(journey)
                    .variable("id", dealId).execute().path("deal.expectedCloseDate").entity(String.class)
                    .isEqualTo("2026-03-31"));
        }
    }

    @Test
    void refusedCommandsAnswerWithTheFieldAndAppendNothing() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start()) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            JdbcTemplate events = new JdbcTemplate(services.command().getBean(javax.sql.DataSource.class));
            commands.documentName("definePipeline").variable("id", pipelineId).execute();
            commands.documentName("openDeal").variable("dealId", dealId).variable("pipelineId", pipelineId)
                    .variable("stage", "contact").variable("at", "2026-01-05T09:00:00Z").execute();
            commands.documentName("winDeal").variable("dealId", dealId).variable("at", "2026-01-06T09:00:00Z")
                    .execute();
            long before = count(events);

            assertRefused(commands.documentName("openDeal").variable("dealId", uniqueId("d"))
                    .variable("pipelineId", pipelineId).variable("stage", "call")
                    .variable("at", "2026-01-05T09:00:00Z"), "stage");
            assertRefused(commands.documentName("openDeal").variable("dealId", uniqueId("d"))
                    .variable("pipelineId", "no-such-pipeline").variable("stage", "contact")
                    .variable("at", "2026-01-05T09:00:00Z"), "pipelineId");
            assertRefused(commands.documentName("moveDeal").variable("dealId", dealId)
                    .variable("stage", "terms").variable("at", "2026-01-08T09:00:00Z"), "dealId");
            assertRefused(commands.documentName("reopenDeal").variable("dealId", dealId)
                    .variable("stage", "terms").variable("at", "2026-01-01T09:00:00Z"), "occurredAt");
            commands.document("mutation { loseDeal(input: {dealId: \"" + dealId + "\"}) { id } }").execute()
                    .errors().expect(e -> e.getMessage().contains("reason")).verify();
            commands.document("mutation { openDeal(input: {dealId: \"x\" ").execute()
                    .errors().expect(e -> e.getMessage().contains("Invalid syntax")).verify();

            assertThat(count(events)).isEqualTo(before);
        }
    }

    @Test
    void everythingIsStillThereAfterARestart() {
        String pipelineId = uniqueId("p");
        String dealId = uniqueId("d");
        try (Services services = start()) {
            HttpGraphQlTester commands = graphQl(services.commandPort());
            commands.documentName("definePipeline").variable("id", pipelineId).execute();
            commands.documentName("openDeal").variable("dealId", dealId).variable("pipelineId", pipelineId)
                    .variable("stage", "profiling").variable("at", "2026-02-01T08:00:00Z").execute();
            HttpGraphQlTester queries = graphQl(services.queryPort());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> queries.documentName("deal")
                    .variable("id", dealId).execute().path("deal.stage").entity(String.class).isEqualTo("profiling"));
        }
        try (Services services = start()) {
            graphQl(services.queryPort()).documentName("deal").variable("id", dealId).execute()
                    .path("deal.visits[0].enteredAt").entity(String.class).isEqualTo("2026-02-01T08:00:00Z");
            graphQl(services.commandPort()).documentName("moveDeal").variable("dealId", dealId)
                    .variable("stage", "qualification").variable("at", "2026-02-03T08:00:00Z").execute()
                    .path("moveDealToStage.outcome").entity(String.class).isEqualTo("APPLIED");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graphQl(services.queryPort())
                    .documentName("deal").variable("id", dealId).execute()
                    .path("deal.visits[*].stage").entityList(String.class)
                    .containsExactly("profiling", "qualification"));
        }
    }

    private static void assertRefused(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request,
                                      String field) {
        request.execute().errors().expect(error -> {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> violations =
                    (List<Map<String, String>>) error.getExtensions().get("violations");
            return violations != null && violations.stream().anyMatch(v -> field.equals(v.get("field")));
        }).verify();
    }

    private static long count(JdbcTemplate events) {
        return events.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
