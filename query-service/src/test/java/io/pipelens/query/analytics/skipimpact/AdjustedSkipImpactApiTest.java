package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.deal.DealEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Adjusted skip impact over GraphQL, on deals where the owner confounds skipping qualification: olga skips in 30 of
 * her 40 deals and loses 60% of them whether she skips or not; ann and bob skip in 5 of 50 each and lose 20% either
 * way. Crude, skipping goes with losing (RR 0.5 ÷ 0.24); within each owner it does not (RR_MH 1).
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustedSkipImpactApiTest {

    private static final String PIPELINE = "adjusted-api";
    private static final Instant DAY0 = Instant.parse("2026-02-02T00:00:00Z");
    private static final int QUALIFICATION = 2;
    private static final AnalyticVersion VERSION = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;

    private final List<List<DealEvent>> histories = new ArrayList<>();

    @BeforeAll
    void publishTheDeals() {
        add(18, "olga", true, true);
        add(12, "olga", true, false);
        add(6, "olga", false, true);
        add(4, "olga", false, false);
        for (String owner : List.of("ann", "bob")) {
            add(1, owner, true, true);
            add(4, owner, true, false);
            add(9, owner, false, true);
            add(36, owner, false, false);
        }
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), 0,
                new PipelineDefinedEvent(PIPELINE, "Adjusted", 1, SolutionSalesTemplate.STAGES, DAY0)));
        eventStore.publish(DealEvents.asMessages(histories.stream().flatMap(List::stream).toList()));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(skipImpact(List.of()).path("skipImpact.closedDeals").entity(Integer.class).get())
                        .isEqualTo(histories.size()));
    }

    /** {@code count} deals of {@code owner} from contact to requirements, skipping qualification or not. */
    private void add(int count, String owner, boolean skipped, boolean lost) {
        for (int i = 0; i < count; i++) {
            String id = PIPELINE + "-" + histories.size();
            List<String> path = skipped ? List.of("contact", "profiling", "requirements")
                    : List.of("contact", "profiling", "qualification", "requirements");
            List<DealEvent> events = new ArrayList<>();
            events.add(new DealOpenedEvent(id, PIPELINE, path.get(0), new DealAttributes(owner, null, null, null,
                    null), day(1)));
            for (int step = 1; step < path.size(); step++) {
                events.add(new DealMovedToStageEvent(id, PIPELINE, path.get(step - 1), path.get(step), day(step + 1)));
            }
            events.add(lost ? new DealLostEvent(id, PIPELINE, "requirements", "no budget", day(9))
                    : new DealWonEvent(id, PIPELINE, "requirements", day(9)));
            histories.add(events);
        }
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private GraphQlTester.Response skipImpact(List<String> adjustFor) {
        return graphQl.documentName("skipImpact").variable("pipelineId", PIPELINE).variable("adjustFor", adjustFor)
                .execute();
    }

    private static JsonNode stages(GraphQlTester.Response response) {
        return new ObjectMapper().valueToTree(response.path("skipImpact.stages").entity(Object.class).get());
    }

    @Test
    void adjustedFiguresEqualTheComputationOverTheSameDealsAndDifferFromTheCrudeOnes() {
        AnalyticIndex index = Deals.index(PIPELINE, VERSION, histories);
        AdjustedSkipImpactReport expected = AdjustedSkipImpact.compute(VERSION, index.deals(), Population.ALL,
                Slice.ALL, List.of(AdjustFor.OWNER));

        GraphQlTester.Response answer = skipImpact(List.of("OWNER"));

        answer.path("skipImpact.adjustFor").entityList(String.class).containsExactly("OWNER");
        JsonNode stages = stages(answer);
        assertThat(stages).hasSize(expected.stages().size());
        for (int k = 0; k < stages.size(); k++) {
            assertAdjusted(stages.get(k).get("adjusted"), expected.stages().get(k));
        }
        JsonNode qualification = stages.get(QUALIFICATION);
        assertThat(qualification.get("adjusted").get("strataUsed").asInt()).isEqualTo(3);
        assertThat(qualification.get("relativeRisk").asDouble()).isCloseTo(0.5 / 0.24, within(1e-12));
        assertThat(qualification.get("adjusted").get("relativeRisk").asDouble()).isBetween(0.85, 1.15);
        assertThat(qualification.get("fisherP").asDouble()).isLessThan(0.01);
        assertThat(qualification.get("adjusted").get("cmhP").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void withoutAdjustForTheCrudeAnswerIsUnchangedAndAdjustedIsNull() {
        AnalyticIndex index = Deals.index(PIPELINE, VERSION, histories);
        SkipImpactReport crude = SkipImpact.compute(VERSION, index.deals(), Population.ALL, Slice.ALL);

        for (GraphQlTester.Response answer : List.of(skipImpact(null), skipImpact(List.of()),
                graphQl.document("{ skipImpact(pipelineId: \"" + PIPELINE + "\") { adjustFor stages {"
                        + " skippedLost skippedWon visitedLost visitedWon relativeRisk oddsRatio fisherP q"
                        + " adjusted { strataUsed } } } }").execute())) {
            answer.path("skipImpact.adjustFor").entityList(String.class).hasSize(0);
            JsonNode stages = stages(answer);
            for (int k = 0; k < stages.size(); k++) {
                JsonNode stage = stages.get(k);
                StageSkipImpact want = crude.stages().get(k);
                assertThat(stage.get("adjusted").isNull()).as("adjusted of stage %d", k).isTrue();
                assertThat(List.of(stage.get("skippedLost").asInt(), stage.get("skippedWon").asInt(),
                        stage.get("visitedLost").asInt(), stage.get("visitedWon").asInt()))
                        .containsExactly(want.skippedLost(), want.skippedWon(), want.visitedLost(),
                                want.visitedWon());
                assertNumber(stage.get("relativeRisk"), want.relativeRisk());
                assertNumber(stage.get("oddsRatio"), want.oddsRatio());
                assertNumber(stage.get("fisherP"), want.fisherP());
                assertNumber(stage.get("q"), want.q());
            }
        }
        // the crude fields are the same whether or not the adjusted ones are asked for
        assertThat(crudeFields(stages(skipImpact(List.of("OWNER")))))
                .isEqualTo(crudeFields(stages(skipImpact(List.of()))));
    }

    @Test
    void aRepeatedAttributeCountsOnce() {
        GraphQlTester.Response twice = skipImpact(List.of("OWNER", "OWNER"));

        twice.path("skipImpact.adjustFor").entityList(String.class).containsExactly("OWNER");
        assertThat(stages(twice)).isEqualTo(stages(skipImpact(List.of("OWNER"))));
    }

    @Test
    void compareVersionsPassesAdjustForToBothSides() {
        var answer = graphQl.document("{ compareVersions(pipelineId: \"" + PIPELINE + "\", a: 1, b: 1,"
                + " adjustFor: [OWNER]) { a { skipImpact { adjustFor stages { adjusted { relativeRisk } } } }"
                + " b { skipImpact { stages { adjusted { relativeRisk } } } } } }").execute();
        Double expected = skipImpact(List.of("OWNER")).path("skipImpact.stages[" + QUALIFICATION
                + "].adjusted.relativeRisk").entity(Double.class).get();

        answer.path("compareVersions.a.skipImpact.adjustFor").entityList(String.class).containsExactly("OWNER");
        for (String side : List.of("a", "b")) {
            answer.path("compareVersions." + side + ".skipImpact.stages[" + QUALIFICATION + "].adjusted.relativeRisk")
                    .entity(Double.class).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownAttributeIsRefusedNamingAdjustForWhetherWrittenInTheDocumentOrGivenInAVariable() {
        String reason = "unknown value 'OWNR'; expected one of OWNER, SOURCE, SEGMENT, AMOUNT_BAND, OPENED_QUARTER";
        List<GraphQlTester.Response> answers = List.of(
                graphQl.document("{ skipImpact(pipelineId: \"" + PIPELINE + "\", adjustFor: [OWNER, OWNR]) {"
                        + " closedDeals } }").execute(),
                skipImpact(List.of("OWNER", "OWNR")),
                graphQl.document("query($attributes: [AdjustFor!]) { compareVersions(pipelineId: \"" + PIPELINE
                        + "\", a: 1, b: 1, adjustFor: $attributes) { a { version } } }")
                        .variable("attributes", List.of("OWNR")).execute());

        for (GraphQlTester.Response answer : answers) {
            answer.errors().expect(error -> error.getExtensions().get("violations") instanceof List<?> violations
                    && violations.equals(List.of(Map.of("field", "adjustFor", "reason", reason)))
                    && error.getMessage().equals("adjustFor: " + reason)).verify();
        }
    }

    private static List<JsonNode> crudeFields(JsonNode stages) {
        List<JsonNode> crude = new ArrayList<>();
        stages.forEach(stage -> {
            JsonNode copy = stage.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("adjusted");
            crude.add(copy);
        });
        return crude;
    }

    private static void assertAdjusted(JsonNode actual, AdjustedStageSkipImpact want) {
        assertThat(List.of(actual.get("skippedLost").asInt(), actual.get("skippedWon").asInt(),
                actual.get("visitedLost").asInt(), actual.get("visitedWon").asInt(), actual.get("strataUsed").asInt(),
                actual.get("strataDropped").asInt(), actual.get("dealsInDroppedStrata").asInt()))
                .as("counts of %s", want.key())
                .containsExactly(want.skippedLost(), want.skippedWon(), want.visitedLost(), want.visitedWon(),
                        want.strataUsed(), want.strataDropped(), want.dealsInDroppedStrata());
        assertNumber(actual.get("oddsRatio"), want.oddsRatio());
        assertInterval(actual.get("oddsRatioCi"), want.oddsRatioCi());
        assertNumber(actual.get("relativeRisk"), want.relativeRisk());
        assertInterval(actual.get("relativeRiskCi"), want.relativeRiskCi());
        assertNumber(actual.get("cmhChiSquare"), want.cmhChiSquare());
        assertNumber(actual.get("cmhP"), want.cmhP());
        assertNumber(actual.get("cmhQ"), want.cmhQ());
        assertNumber(actual.get("breslowDayChiSquare"), want.breslowDayChiSquare());
        assertNumber(actual.get("breslowDayDegreesOfFreedom"), want.breslowDayDegreesOfFreedom() == null ? null
                : want.breslowDayDegreesOfFreedom().doubleValue());
        assertNumber(actual.get("breslowDayP"), want.breslowDayP());
        assertThat(actual.get("insufficientData").asBoolean()).isEqualTo(want.insufficientData());
    }

    /** JSON carries a double's shortest exact form, so the figure comes back as computed. */
    private static void assertNumber(JsonNode actual, Double want) {
        if (want == null) {
            assertThat(actual.isNull()).as("null expected, was %s", actual).isTrue();
        } else {
            assertThat(actual.asDouble()).isEqualTo(want);
        }
    }

    private static void assertInterval(JsonNode actual, Interval want) {
        if (want == null) {
            assertThat(actual.isNull()).as("null interval expected, was %s", actual).isTrue();
        } else {
            assertThat(List.of(actual.get("lower").asDouble(), actual.get("upper").asDouble()))
                    .containsExactly(want.lower(), want.upper());
        }
    }
}
