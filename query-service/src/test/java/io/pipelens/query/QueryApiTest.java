package io.pipelens.query;

import static io.pipelens.query.deal.DealEvents.aDealLostThenReopened;
import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static io.pipelens.query.deal.DealEvents.lost;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static io.pipelens.query.deal.DealEvents.openedIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.deal.DealEvents;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.pipeline.PipelineEvents;
import io.pipelens.query.pipeline.PipelineVersionView;
import io.pipelens.query.pipeline.PipelineView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The query service's GraphQL API over HTTP, against read models seeded straight into MongoDB. */
@QueryServiceTest
class QueryApiTest {

    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private WebTestClient web;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void seedReadModels() {
        mongo.remove(new Query(), DealJourney.class);
        mongo.remove(new Query(), PipelineView.class);
        mongo.insertAll(List.of(
                journeyOf(aDealWonFromQualification("acme-1")),
                journeyOf(aDealLostThenReopened("acme-2")),
                journeyOf(List.of(opened("acme-3", "contact", day(1)))),
                journeyOf(List.of(
                        opened("acme-4", "qualification", day(2)),
                        lost("acme-4", "qualification", "went with a competitor", day(6)))),
                journeyOf(List.of(
                        opened("acme-5", "contact", DealEvents.BORIS_PARTNER_ENTERPRISE, day(3)),
                        moved("acme-5", "contact", "profiling", day(4)))),
                journeyOf(List.of(openedIn("other", "zeta-1", "contact", day(5))))));
        mongo.insertAll(List.of(
                new PipelineView("solution-sales", SolutionSalesTemplate.NAME, List.of(
                        new PipelineVersionView(1, SolutionSalesTemplate.STAGES, List.of(),
                                PipelineEvents.DEFINED_AT),
                        new PipelineVersionView(2, PipelineEvents.WITHOUT_PROFILING,
                                PipelineEvents.profilingAbsorbed("solution-sales").mapping(),
                                PipelineEvents.REDEFINED_AT))),
                new PipelineView("other", "Other", List.of(
                        new PipelineVersionView(1, SolutionSalesTemplate.STAGES.subList(0, 3), List.of(),
                                PipelineEvents.DEFINED_AT)))));
    }

    @Test
    void aDealIsFoundByIdWithItsWholeJourney() {
        graphQl.documentName("deal").variable("id", "acme-1").execute()
                .path("deal.id").entity(String.class).isEqualTo("acme-1")
                .path("deal.pipelineId").entity(String.class).isEqualTo("solution-sales")
                .path("deal.status").entity(String.class).isEqualTo("WON")
                .path("deal.stage").entity(String.class).isEqualTo("qualification")
                .path("deal.owner").entity(String.class).isEqualTo("anna")
                .path("deal.amount").entity(String.class).isEqualTo("12500.00")
                .path("deal.currency").entity(String.class).isEqualTo("EUR")
                .path("deal.openedAt").entity(String.class).isEqualTo("2026-03-02T09:00:00Z")
                .path("deal.closedAt").entity(String.class).isEqualTo("2026-03-12T09:00:00Z")
                .path("deal.lostReason").valueIsNull()
                .path("deal.lastTransitionAt").entity(String.class).isEqualTo("2026-03-12T09:00:00Z")
                .path("deal.visits[*].stage").entityList(String.class)
                .containsExactly("contact", "profiling", "qualification")
                .path("deal.visits[*].durationSeconds").entityList(Integer.class)
                .containsExactly(86_400, 2 * 86_400, 7 * 86_400)
                .path("deal.visits[2].enteredAt").entity(String.class).isEqualTo("2026-03-05T09:00:00Z")
                .path("deal.visits[2].exitedAt").entity(String.class).isEqualTo("2026-03-12T09:00:00Z");
    }

    @Test
    void anOpenVisitHasNoExitAndNoDuration() {
        graphQl.documentName("deal").variable("id", "acme-2").execute()
                .path("deal.status").entity(String.class).isEqualTo("OPEN")
                .path("deal.closedAt").valueIsNull()
                .path("deal.visits[*].stage").entityList(String.class)
                .containsExactly("qualification", "qualification", "requirements")
                .path("deal.visits[2].exitedAt").valueIsNull()
                .path("deal.visits[2].durationSeconds").valueIsNull();
    }

    @Test
    void anUnknownDealIsNull() {
        graphQl.documentName("deal").variable("id", "no-such-deal").execute()
                .errors().verify()
                .path("deal").valueIsNull();
    }

    @Test
    void dealsAreFilteredByEveryGivenField() {
        graphQl.documentName("deals")
                .variable("filter", Map.of("pipelineId", "solution-sales", "owner", "anna"))
                .execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-1", "acme-3", "acme-4");

        graphQl.documentName("deals")
                .variable("filter", Map.of("status", "OPEN", "owner", "anna"))
                .execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-3", "zeta-1");

        graphQl.documentName("deals")
                .variable("filter", Map.of("stage", "qualification", "status", "LOST"))
                .execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-4")
                .path("deals.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("deals.endCursor").valueIsNull();
    }

    @Test
    void dealsComeAPageAtATimeInIdOrder() {
        graphQl.documentName("deals").variable("first", 2).execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-1", "acme-2")
                .path("deals.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("deals.endCursor").entity(String.class).isEqualTo("acme-2");

        graphQl.documentName("deals").variable("first", 2).variable("after", "acme-2").execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-3", "acme-4")
                .path("deals.endCursor").entity(String.class).isEqualTo("acme-4");

        graphQl.documentName("deals").variable("first", 2).variable("after", "acme-4").execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-5", "zeta-1")
                .path("deals.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("deals.endCursor").valueIsNull();
    }

    @Test
    void pagingAndAFilterCombine() {
        graphQl.documentName("deals")
                .variable("filter", Map.of("pipelineId", "solution-sales"))
                .variable("first", 1)
                .variable("after", "acme-3")
                .execute()
                .path("deals.items[*].id").entityList(String.class).containsExactly("acme-4")
                .path("deals.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void withoutFirstAPageHoldsUpToFifty() {
        graphQl.documentName("deals").execute()
                .path("deals.items").entityList(Object.class).hasSize(6)
                .path("deals.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNamingFirst() {
        for (int first : new int[] {0, -1, 501}) {
            graphQl.documentName("deals").variable("first", first).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(error.getMessage()).startsWith("first: must be between 1 and 500");
                        assertThat(error.getPath()).isEqualTo("deals");
                        assertThat(error.getExtensions()).containsEntry("violations", List.of(Map.of(
                                "field", "first", "reason", "must be between 1 and 500, was " + first)));
                    }));
        }
    }

    @Test
    void anExplicitlyNullPageSizeIsRefusedNamingFirst() {
        graphQl.documentName("deals").variable("first", null).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).isEqualTo("first: must be between 1 and 500, was null");
                }));
    }

    @Test
    void pipelinesAreListedInIdOrderAtTheirCurrentVersion() {
        graphQl.documentName("pipelines").execute()
                .path("pipelines[*].id").entityList(String.class).containsExactly("other", "solution-sales")
                .path("pipelines[1].name").entity(String.class).isEqualTo(SolutionSalesTemplate.NAME)
                .path("pipelines[1].currentVersion").entity(Integer.class).isEqualTo(2)
                .path("pipelines[1].versions[*].version").entityList(Integer.class).containsExactly(1, 2)
                .path("pipelines[1].selected.version").entity(Integer.class).isEqualTo(2)
                .path("pipelines[0].selected.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aPipelineShowsTheVersionAskedFor() {
        graphQl.documentName("pipeline").variable("id", "solution-sales").variable("version", 1).execute()
                .path("pipeline.currentVersion").entity(Integer.class).isEqualTo(2)
                .path("pipeline.selected.version").entity(Integer.class).isEqualTo(1)
                .path("pipeline.selected.definedAt").entity(String.class).isEqualTo("2026-01-05T08:00:00Z")
                .path("pipeline.selected.effectiveFrom").entity(String.class).isEqualTo("2026-01-05T08:00:00Z")
                .path("pipeline.selected.stages[*].key").entityList(String.class).hasSize(9).contains("profiling")
                .path("pipeline.selected.stages[2].exitCriterion").entity(String.class)
                .isEqualTo(SolutionSalesTemplate.STAGES.get(2).exitCriterion())
                .path("pipeline.selected.mapping").entityList(Object.class).hasSize(0);
    }

    @Test
    void aPipelineShowsItsCurrentVersionByDefaultWithTheMapping() {
        graphQl.documentName("pipeline").variable("id", "solution-sales").execute()
                .path("pipeline.selected.version").entity(Integer.class).isEqualTo(2)
                .path("pipeline.selected.stages[*].key").entityList(String.class).hasSize(8)
                .doesNotContain("profiling")
                .path("pipeline.selected.mapping[1].from").entity(String.class).isEqualTo("profiling")
                .path("pipeline.selected.mapping[1].to").valueIsNull()
                .path("pipeline.selected.mapping[1].absorbed").entity(Boolean.class).isEqualTo(true)
                .path("pipeline.selected.mapping[2].to").entity(String.class).isEqualTo("qualification");
    }

    @Test
    void anUnknownPipelineIsNull() {
        graphQl.documentName("pipeline").variable("id", "no-such-pipeline").execute()
                .errors().verify()
                .path("pipeline").valueIsNull();
    }

    @Test
    void anUnknownVersionIsRefusedNamingVersion() {
        graphQl.documentName("pipeline").variable("id", "solution-sales").variable("version", 3).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).startsWith("version: ").contains("no version 3");
                    assertThat(error.getExtensions()).containsEntry("violations", List.of(Map.of(
                            "field", "version",
                            "reason", "pipeline 'solution-sales' has versions 1 to 2; there is no version 3")));
                }))
                .path("pipeline").valueIsNull();
    }

    @Test
    void aMalformedQueryGetsASyntaxError() {
        graphQl.documentName("malformed").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).hasToString("InvalidSyntax");
                    assertThat(error.getMessage()).containsIgnoringCase("syntax");
                    assertThat(error.getLocations()).isNotEmpty();
                }));
    }

    @Test
    void healthIsUpWithTheReadModelStoreAnsweringPing() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.ping").isEqualTo(1.0);
    }

}
