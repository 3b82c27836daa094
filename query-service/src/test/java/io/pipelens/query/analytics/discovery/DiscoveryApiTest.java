package io.pipelens.query.analytics.discovery;

import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.deal.DealEvents;
import io.pipelens.query.support.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Stage discovery over GraphQL, from events to the answer, on three hand-checked deals of the template pipeline; the
 * raw step "call" is no stage of it, and is still a step. Then the refusals of bad input.
 *
 * <pre>
 * disc-a: contact (day 0) → call (day 1) → qualification (day 2) → won (day 5)
 * disc-b: contact (day 0) → qualification (day 1) → won (day 4)
 * disc-c: contact (day 0) → lost (day 4)
 * </pre>
 */
@QueryServiceTest
class DiscoveryApiTest {

    private static final String PIPELINE = "discovery-api";
    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;

    @Test
    void discoversTheRawStepsOfTheLastWonDeals() {
        DealAttributes none = new DealAttributes(null, null, null, null, null);
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), 0,
                new PipelineDefinedEvent(PIPELINE, "Discovery", 1, SolutionSalesTemplate.STAGES, day(-10))));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("disc-a", PIPELINE, "contact", none, day(0)),
                new DealOpenedEvent("disc-b", PIPELINE, "contact", none, day(0)),
                new DealOpenedEvent("disc-c", PIPELINE, "contact", none, day(0)),
                new DealMovedToStageEvent("disc-a", PIPELINE, "contact", "call", day(1)),
                new DealMovedToStageEvent("disc-b", PIPELINE, "contact", "qualification", day(1)),
                new DealMovedToStageEvent("disc-a", PIPELINE, "call", "qualification", day(2)),
                new DealWonEvent("disc-b", PIPELINE, "qualification", day(4)),
                new DealLostEvent("disc-c", PIPELINE, "contact", "no budget", day(4)),
                new DealWonEvent("disc-a", PIPELINE, "qualification", day(5)))));

        await().atMost(WITHIN).untilAsserted(() -> discover("").path("discoverStages.sampleSize")
                .entity(Integer.class).isEqualTo(2));
        GraphQlTester.Response answer = discover("");
        answer.path("discoverStages.context.deals").entity(Integer.class).isEqualTo(2);
        answer.path("discoverStages.firstClosedAt").entity(String.class).isEqualTo(day(4).toString());
        answer.path("discoverStages.proposedOrder").entityList(String.class)
                .containsExactly("contact", "call", "qualification");
        answer.path("discoverStages.steps[*].deals").entityList(Integer.class).containsExactly(2, 1, 2);
        answer.path("discoverStages.steps[*].meanPosition").entityList(Double.class).containsExactly(0.0, 0.5, 1.0);
        answer.path("discoverStages.lostDeals").entity(Integer.class).isEqualTo(1);
        answer.path("discoverStages.lostComparison[*].lostLacking").entityList(Integer.class)
                .containsExactly(0, 1, 1);
        answer.path("discoverStages.lostComparison[*].sampleLacking").entityList(Integer.class)
                .containsExactly(0, 1, 0);
        answer.path("discoverStages.draft[*].name").entityList(String.class)
                .containsExactly("Contact found", "call", "Qualification");
        answer.path("discoverStages.audit.summary.stages").entity(Integer.class).isEqualTo(3);
        answer.path("discoverStages.audit.pipelineId").valueIsNull();

        GraphQlTester.Response nearlyWon = discover(", basis: REACHED, reachedStage: \"contact\", minCoverage: 0.9");
        nearlyWon.path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(3);
        nearlyWon.path("discoverStages.sampleLost").entity(Integer.class).isEqualTo(1);
        nearlyWon.path("discoverStages.proposedOrder").entityList(String.class).containsExactly("contact");
    }

    @Test
    void refusesBadInputNamingTheField() {
        expectViolation("discovery-none", "", "pipelineId");
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline("discovery-bad"), 0,
                new PipelineDefinedEvent("discovery-bad", "Bad", 1, SolutionSalesTemplate.STAGES, day(-10))));
        await().atMost(WITHIN).untilAsserted(() -> graphQl.document("{ discoverStages(pipelineId: \"discovery-bad\")"
                + " { sampleSize } }").execute().path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(0));
        expectViolation("discovery-bad", ", last: 0", "last");
        expectViolation("discovery-bad", ", last: 10001", "last");
        expectViolation("discovery-bad", ", basis: REACHED", "reachedStage");
        expectViolation("discovery-bad", ", basis: REACHED, reachedStage: \"nowhere\"", "reachedStage");
        expectViolation("discovery-bad", ", minCoverage: 1.5", "minCoverage");
        expectViolation("discovery-bad", ", minCoverage: -0.1", "minCoverage");
    }

    private GraphQlTester.Response discover(String arguments) {
        return graphQl.document("{ discoverStages(pipelineId: \"" + PIPELINE + "\"" + arguments + ") {"
                + " context { deals } sampleSize sampleLost firstClosedAt proposedOrder"
                + " steps { key deals meanPosition } lostDeals lostComparison { key lostLacking sampleLacking }"
                + " draft { key name } audit { pipelineId summary { stages } } } }").execute();
    }

    private void expectViolation(String pipeline, String arguments, String field) {
        Violations.expectViolation(graphQl.document("{ discoverStages(pipelineId: \"" + pipeline + "\"" + arguments
                + ") { sampleSize } }").execute(), field);
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }
}
