package io.pipelens.query.analytics.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.bottlenecks.PipelineGauges;
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
 * Criteria compliance and impact over GraphQL, on the template pipeline: 60 deals leave qualification for
 * requirements, 30 with every item confirmed (10 of them lost), 30 without budget (20 lost), and 10 of each group
 * leave contact for profiling with the list not recorded.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CriteriaApiTest {

    private static final String PIPELINE = "criteria-api";
    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final AnalyticVersion VERSION = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());
    private static final List<String> QUALIFICATION_ITEMS = List.of("problem-confirmed", "solution-agreed", "deadline",
            "budget", "deal-plan");
    private static final String FIELDS = "context { version deals } closedDeals stages { key checklist {"
            + " unconfirmedLost unconfirmedWon confirmedLost confirmedWon relativeRisk fisherP q insufficientData }"
            + " items { key text impact { unconfirmedLost confirmedWon q } } }";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private PipelineGauges gauges;
    @Autowired
    private MeterRegistry meters;

    private final List<List<DealEvent>> histories = new ArrayList<>();

    @BeforeAll
    void publishTheDeals() {
        for (int i = 0; i < 60; i++) {
            boolean complete = i < 30;
            boolean lost = complete ? i < 10 : i < 50;
            histories.add(deal(PIPELINE + "-" + i, complete, lost, i % 3 == 0));
        }
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), 0,
                new PipelineDefinedEvent(PIPELINE, "Criteria", 1, SolutionSalesTemplate.STAGES, DAY0)));
        eventStore.publish(DealEvents.asMessages(histories.stream().flatMap(List::stream).toList()));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(impact("").path("criteriaImpact.closedDeals").entity(Integer.class).get())
                        .isEqualTo(histories.size()));
    }

    private static List<DealEvent> deal(String id, boolean complete, boolean lost, boolean contactRecorded) {
        List<String> confirmed = complete ? QUALIFICATION_ITEMS
                : QUALIFICATION_ITEMS.stream().filter(item -> !item.equals("budget")).toList();
        return List.of(new DealOpenedEvent(id, PIPELINE, "contact", DealAttributes.NONE, day(1)),
                new DealMovedToStageEvent(id, PIPELINE, "contact", "profiling", day(2),
                        contactRecorded ? null : List.of("contact-access")),
                new DealMovedToStageEvent(id, PIPELINE, "profiling", "qualification", day(3)),
                new DealMovedToStageEvent(id, PIPELINE, "qualification", "requirements", day(4), confirmed),
                lost ? new DealLostEvent(id, PIPELINE, "requirements", "no budget", day(9))
                        : new DealWonEvent(id, PIPELINE, "requirements", day(9)));
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private GraphQlTester.Response impact(String arguments) {
        return graphQl.document("{ criteriaImpact(pipelineId: \"" + PIPELINE + "\"" + arguments + ") { " + FIELDS
                + " } }").execute();
    }

    private AnalyticIndex index() {
        AnalyticIndex index = new AnalyticIndex(PIPELINE, VERSION);
        histories.forEach(events -> index.upsert(DealHistory.fold(events)));
        return index;
    }

    @Test
    void complianceCountsExitsRecordedAndConfirmedPerStageAndItem() {
        GraphQlTester.Response answer = graphQl.document("{ criteriaCompliance(pipelineId: \"" + PIPELINE + "\") {"
                + " context { version deals } stages { key forwardExits recorded recordedShare fullyConfirmed"
                + " fullyConfirmedShare fullyConfirmedShareCi { lower upper } items { key confirmed recorded share"
                + " shareCi { lower upper } } } } }").execute();
        StageCompliance want = CriteriaCompliance.compute(index(), Population.ALL, Slice.ALL).stages().get(2);

        answer.path("criteriaCompliance.context.deals").entity(Integer.class).isEqualTo(60);
        answer.path("criteriaCompliance.stages[0].forwardExits").entity(Integer.class).isEqualTo(60);
        answer.path("criteriaCompliance.stages[0].recorded").entity(Integer.class).isEqualTo(40);
        answer.path("criteriaCompliance.stages[2].key").entity(String.class).isEqualTo("qualification");
        answer.path("criteriaCompliance.stages[2].fullyConfirmed").entity(Integer.class).isEqualTo(30);
        answer.path("criteriaCompliance.stages[2].fullyConfirmedShare").entity(Double.class).isEqualTo(0.5);
        answer.path("criteriaCompliance.stages[2].fullyConfirmedShareCi.lower").entity(Double.class)
                .isEqualTo(want.fullyConfirmedShareCi().lower());
        answer.path("criteriaCompliance.stages[2].items[3].key").entity(String.class).isEqualTo("budget");
        answer.path("criteriaCompliance.stages[2].items[3].confirmed").entity(Integer.class).isEqualTo(30);
        answer.path("criteriaCompliance.stages[2].items[3].shareCi.upper").entity(Double.class)
                .isEqualTo(want.items().get(3).shareCi().upper());
        answer.path("criteriaCompliance.stages[2].items[0].share").entity(Double.class).isEqualTo(1.0);
    }

    @Test
    void impactFindsTheMissingBudgetAndEqualsTheComputationOverTheSameDeals() {
        ImpactReport want = CriteriaImpact.compute(index(), Population.ALL, Slice.ALL);
        StageCriteriaImpact qualification = want.stages().get(2);

        GraphQlTester.Response answer = impact("");

        answer.path("criteriaImpact.stages[2].checklist.unconfirmedLost").entity(Integer.class).isEqualTo(20);
        answer.path("criteriaImpact.stages[2].checklist.confirmedWon").entity(Integer.class).isEqualTo(20);
        answer.path("criteriaImpact.stages[2].checklist.relativeRisk").entity(Double.class).isEqualTo(2.0);
        answer.path("criteriaImpact.stages[2].checklist.q").entity(Double.class)
                .isEqualTo(qualification.checklist().q());
        answer.path("criteriaImpact.stages[2].items[3].impact.unconfirmedLost").entity(Integer.class).isEqualTo(20);
        answer.path("criteriaImpact.stages[2].items[3].impact.q").entity(Double.class)
                .isEqualTo(qualification.items().get(3).impact().q());
        // problem-confirmed was confirmed by every deal: nothing to compare
        answer.path("criteriaImpact.stages[2].items[0].impact.q").valueIsNull();
        assertThat(qualification.checklist().fisherP()).isLessThan(0.05);
    }

    @Test
    void oneStageIsAnsweredAloneWithItsQValuesAdjustedOverItsOwnTables() {
        GraphQlTester.Response answer = impact(", stage: \"qualification\"");
        ImpactReport want = CriteriaImpact.compute(VERSION, index().deals(), Population.ALL, Slice.ALL,
                "qualification");

        answer.path("criteriaImpact.stages").entityList(Object.class).hasSize(1);
        answer.path("criteriaImpact.stages[0].key").entity(String.class).isEqualTo("qualification");
        answer.path("criteriaImpact.stages[0].checklist.q").entity(Double.class)
                .isEqualTo(want.stages().get(0).checklist().q());
        graphQl.document("{ criteriaCompliance(pipelineId: \"" + PIPELINE + "\", stage: \"contact\") { stages { key"
                + " } } }").execute().path("criteriaCompliance.stages[*].key").entityList(String.class)
                .containsExactly("contact");
    }

    @Test
    void aGaugeGivesEachStagesShareOfRecordedForwardExitsFullyConfirmed() {
        gauges.refresh();

        assertThat(confirmedRatio("qualification")).isEqualTo(0.5);
        assertThat(confirmedRatio("contact")).isEqualTo(1.0);
        assertThat(confirmedRatio("profiling")).isNaN();
    }

    private double confirmedRatio(String stage) {
        return meters.get("pipelens.stage.exits.confirmed.ratio").tags("pipeline", PIPELINE, "stage", stage).gauge()
                .value();
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        String stages = String.join(", ", SolutionSalesTemplate.STAGES.stream().map(s -> s.key()).toList());
        expectViolation(impact(", stage: \"qualifcation\""), "stage",
                "'qualifcation' is not a stage of version 1; its stages are " + stages);
        expectViolation(graphQl.document("{ criteriaCompliance(pipelineId: \"" + PIPELINE + "\", stage: \"x\") {"
                + " stages { key } } }").execute(), "stage", "'x' is not a stage of version 1; its stages are "
                + stages);
        expectViolation(impact(", version: 7"), "version", null);
        expectViolation(graphQl.document("{ criteriaCompliance(pipelineId: \"nope\") { stages { key } } }")
                .execute(), "pipelineId", null);
    }

    private static void expectViolation(GraphQlTester.Response answer, String field, String reason) {
        answer.errors().expect(error -> error.getExtensions().get("violations") instanceof List<?> violations
                && violations.size() == 1 && violations.get(0) instanceof Map<?, ?> violation
                && field.equals(violation.get("field")) && (reason == null || reason.equals(violation.get("reason")))
                && error.getMessage().startsWith(field + ": ")).verify();
    }
}
