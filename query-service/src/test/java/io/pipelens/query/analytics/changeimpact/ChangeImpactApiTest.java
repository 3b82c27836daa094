package io.pipelens.query.analytics.changeimpact;

import static io.pipelens.query.support.Violations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.deal.DealEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * changeImpact over GraphQL: by default at the effective time of the latest redefinition (stated apart from the time
 * it was recorded), and the refusals of bad input, each naming its field.
 *
 * <pre>
 * the change takes effect on day 0 (recorded on day 5)
 * before: b1 opened day −20, won day −10; b2 opened day −15, lost day −5
 * after:  a1 opened day 0, won day 4 (EUR 1000); a2 opened day 2, won day 10 (EUR 3000)
 * </pre>
 */
@QueryServiceTest
class ChangeImpactApiTest {

    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String FIELDS = "{ context { version deals } at horizonDays windowDays winRateDifference "
            + "winRateDifferenceCi { lower upper } fisherP caveat before { deals wonWithinHorizon lostWithinHorizon "
            + "winRate leftOut } after { deals wonWithinHorizon winRate winRateCi { lower upper } medianDaysToWin "
            + "averageWonAmounts { currency wonDeals averageAmount } } }";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    @Test
    void comparesTheCohortsAroundTheLatestRedefinitionByDefault() {
        String pipeline = "change-impact-api";
        DealAttributes eur = new DealAttributes("ann", "inbound", "SMB", null, null);
        eventStore.publish(pipelineMessage(pipeline, 0, new PipelineDefinedEvent(pipeline, "Change impact", 1,
                SolutionSalesTemplate.STAGES, day(-100))));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("ci-b1", pipeline, "contact", eur, day(-20)),
                new DealOpenedEvent("ci-b2", pipeline, "contact", eur, day(-15)),
                new DealWonEvent("ci-b1", pipeline, "contact", day(-10)),
                new DealLostEvent("ci-b2", pipeline, "contact", "no budget", day(-5)),
                new DealOpenedEvent("ci-a1", pipeline, "contact", new DealAttributes("ann", null, null,
                        new BigDecimal("1000"), "EUR"), day(0)),
                new DealOpenedEvent("ci-a2", pipeline, "contact", new DealAttributes("ann", null, null,
                        new BigDecimal("3000"), "EUR"), day(2)),
                new DealWonEvent("ci-a1", pipeline, "contact", day(4)),
                new DealWonEvent("ci-a2", pipeline, "contact", day(10)))));
        List<StageMapping> mapping = SolutionSalesTemplate.STAGES.stream()
                .map(stage -> StageMapping.to(stage.key(), stage.key())).toList();
        eventStore.publish(pipelineMessage(pipeline, 1, new PipelineRedefinedEvent(pipeline, 2,
                SolutionSalesTemplate.STAGES, mapping, day(5), day(0))));

        await().atMost(WITHIN).untilAsserted(() -> changeImpact(pipeline, "")
                .path("changeImpact.context.deals").entity(Integer.class).isEqualTo(4));
        GraphQlTester.Response answer = changeImpact(pipeline, "");
        answer.path("changeImpact.at").entity(Instant.class).isEqualTo(day(0));
        answer.path("changeImpact.horizonDays").entity(Integer.class).isEqualTo(90);
        answer.path("changeImpact.windowDays").entity(Integer.class).isEqualTo(180);
        answer.path("changeImpact.before.deals").entity(Integer.class).isEqualTo(2);
        answer.path("changeImpact.before.wonWithinHorizon").entity(Integer.class).isEqualTo(1);
        answer.path("changeImpact.before.lostWithinHorizon").entity(Integer.class).isEqualTo(1);
        answer.path("changeImpact.after.deals").entity(Integer.class).isEqualTo(2);
        answer.path("changeImpact.after.winRate").entity(Double.class).isEqualTo(1.0);
        answer.path("changeImpact.after.medianDaysToWin").entity(Double.class).isEqualTo(6.0);
        answer.path("changeImpact.after.averageWonAmounts[0].currency").entity(String.class).isEqualTo("EUR");
        answer.path("changeImpact.after.averageWonAmounts[0].averageAmount").entity(Double.class).isEqualTo(2000.0);
        answer.path("changeImpact.winRateDifference").entity(Double.class).isEqualTo(0.5);
        answer.path("changeImpact.fisherP").entity(Double.class).isEqualTo(1.0);
        answer.path("changeImpact.caveat").entity(String.class)
                .satisfies(caveat -> assertThat(caveat).contains("not an experiment"));
        changeImpact(pipeline, ", at: \"" + day(-10) + "\", horizonDays: 3")
                .path("changeImpact.before.deals").entity(Integer.class).isEqualTo(2)
                .path("changeImpact.before.wonWithinHorizon").entity(Integer.class).isEqualTo(0)
                .path("changeImpact.after.deals").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void refusesBadInputNamingTheField() {
        String pipeline = "change-impact-bad";
        eventStore.publish(pipelineMessage(pipeline, 0, new PipelineDefinedEvent(pipeline, "Bad input", 1,
                SolutionSalesTemplate.STAGES, day(-100))));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("cib-1", pipeline, "contact", DealAttributes.NONE, day(0)),
                new DealWonEvent("cib-1", pipeline, "contact", day(30)))));
        await().atMost(WITHIN).untilAsserted(() -> changeImpact(pipeline, ", at: \"" + day(1) + "\"")
                .path("changeImpact.context.deals").hasValue());

        expectViolation(changeImpact("no-such-pipeline", ""), "pipelineId");
        expectViolation(changeImpact(pipeline, ""), "at");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(-1) + "\""), "at");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(31) + "\""), "at");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(20) + "\", asOf: \"" + day(10) + "\""), "at");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(1) + "\", horizonDays: 0"), "horizonDays");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(1) + "\", horizonDays: 3651"), "horizonDays");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(1) + "\", windowDays: -5"), "windowDays");
        expectViolation(changeImpact(pipeline, ", at: \"" + day(1) + "\", windowDays: 3651"), "windowDays");
        changeImpact(pipeline, ", at: \"" + day(1) + "\", horizonDays: 3650, windowDays: 3650")
                .path("changeImpact.before.deals").entity(Integer.class).isEqualTo(0)
                .path("changeImpact.before.leftOut").entity(Integer.class).isEqualTo(1);
    }

    private GraphQlTester.Response changeImpact(String pipeline, String arguments) {
        return graphQl.document("{ changeImpact(pipelineId: \"" + pipeline + "\"" + arguments + ") " + FIELDS + " }")
                .execute();
    }

    private static DomainEventMessage<?> pipelineMessage(String pipelineId, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipelineId), sequence, event);
    }
}
