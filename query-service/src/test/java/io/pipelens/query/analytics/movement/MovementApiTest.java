package io.pipelens.query.analytics.movement;

import static io.pipelens.query.support.Violations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.analytics.bottlenecks.PipelineGauges;
import io.pipelens.query.deal.DealEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * movement over GraphQL, on a worked example computed by hand, and the refusals of bad input, each naming its field.
 *
 * <pre>
 * period (day 0, day 10], day 0 = 2026-03-02
 * m1: opened at contact day 1 (EUR 1000, closing 2026-03-20), to profiling day 3, revised day 5 to EUR 1500 and
 *     2026-04-10 (pushed 21 days), won day 8
 * m2: opened at contact day 2 (USD 500, closing 2026-03-05), to profiling day 4, back to contact day 6; open
 * m3: opened at profiling day −5 (EUR 200), lost day 7, reopened into contact day 9
 *
 * contact:   start 0 + opened 2 + backward 1 + reopened 1 − forward 2 = end 2
 * profiling: start 1 + forward 2 − backward 1 − won 1 − lost 1 = end 0
 * EUR: 200 + opened 1000 + reopened 200 + increases 500 − won 1500 − lost 200 = 200; USD: 0 + 500 = 500
 * slippage: 1 push of 21 days; m2 overdue on 2026-03-12
 * </pre>
 */
@QueryServiceTest
class MovementApiTest {

    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String FIELDS = "{ context { version deals asOf } from to stages { key startWip endWip "
            + "openedInto forwardIn backwardIn reopenedInto inflow forwardOut backwardOut wonFrom lostAt outflow } "
            + "currencies { currency start opened reopened increases decreases won lost end } "
            + "slippage { pushes slipDays pulls pullDays overdue } }";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private PipelineGauges gauges;
    @Autowired
    private MeterRegistry meters;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private static DealAttributes worth(String amount, String currency, String closing) {
        return new DealAttributes("ann", null, null, new BigDecimal(amount), currency,
                closing == null ? null : LocalDate.parse(closing));
    }

    @Test
    void answersTheWorkedExample() {
        String pipeline = "movement-api";
        define(pipeline);
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("mv-3", pipeline, "profiling", worth("200", "EUR", null), day(-5)),
                new DealOpenedEvent("mv-1", pipeline, "contact", worth("1000", "EUR", "2026-03-20"), day(1)),
                new DealOpenedEvent("mv-2", pipeline, "contact", worth("500", "USD", "2026-03-05"), day(2)),
                new DealMovedToStageEvent("mv-1", pipeline, "contact", "profiling", day(3)),
                new DealMovedToStageEvent("mv-2", pipeline, "contact", "profiling", day(4)),
                new DealAttributesChangedEvent("mv-1", pipeline, worth("1500", "EUR", "2026-04-10"), day(5)),
                new DealMovedToStageEvent("mv-2", pipeline, "profiling", "contact", day(6)),
                new DealLostEvent("mv-3", pipeline, "profiling", "no budget", day(7)),
                new DealWonEvent("mv-1", pipeline, "profiling", day(8)),
                new DealReopenedEvent("mv-3", pipeline, "contact", day(9)))));

        await().atMost(WITHIN).untilAsserted(() -> movement(pipeline, day(0), day(10))
                .path("movement.context.deals").entity(Integer.class).isEqualTo(3));
        GraphQlTester.Response answer = movement(pipeline, day(0), day(10));
        answer.path("movement.context.asOf").entity(Instant.class).isEqualTo(day(10));
        answer.path("movement.stages[0]").entity(Map.class).isEqualTo(Map.ofEntries(Map.entry("key", "contact"),
                Map.entry("startWip", 0), Map.entry("endWip", 2), Map.entry("openedInto", 2),
                Map.entry("forwardIn", 0), Map.entry("backwardIn", 1), Map.entry("reopenedInto", 1),
                Map.entry("inflow", 4), Map.entry("forwardOut", 2), Map.entry("backwardOut", 0),
                Map.entry("wonFrom", 0), Map.entry("lostAt", 0), Map.entry("outflow", 2)));
        answer.path("movement.stages[1]").entity(Map.class).isEqualTo(Map.ofEntries(Map.entry("key", "profiling"),
                Map.entry("startWip", 1), Map.entry("endWip", 0), Map.entry("openedInto", 0),
                Map.entry("forwardIn", 2), Map.entry("backwardIn", 0), Map.entry("reopenedInto", 0),
                Map.entry("inflow", 2), Map.entry("forwardOut", 0), Map.entry("backwardOut", 1),
                Map.entry("wonFrom", 1), Map.entry("lostAt", 1), Map.entry("outflow", 3)));
        answer.path("movement.currencies").entity(List.class).isEqualTo(List.of(
                Map.of("currency", "EUR", "start", "200", "opened", "1000", "reopened", "200", "increases", "500",
                        "decreases", "0", "won", "1500", "lost", "200", "end", "200"),
                Map.of("currency", "USD", "start", "0", "opened", "500", "reopened", "0", "increases", "0",
                        "decreases", "0", "won", "0", "lost", "0", "end", "500")));
        answer.path("movement.slippage").entity(Map.class).isEqualTo(Map.of("pushes", 1, "slipDays", 21, "pulls", 0,
                "pullDays", 0, "overdue", 1));
    }

    @Test
    void refusesBadInputNamingTheField() {
        String pipeline = "movement-bad";
        define(pipeline);
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("mvb-1", pipeline, "contact", DealAttributes.NONE, day(0)))));
        await().atMost(WITHIN).untilAsserted(() -> movement(pipeline, day(0), day(1))
                .path("movement.context.deals").entity(Integer.class).isEqualTo(1));

        expectViolation(movement(pipeline, day(1), day(1)), "from");
        expectViolation(movement(pipeline, day(2), day(1)), "from");
        expectViolation(graphQl.document("{ movement(pipelineId: \"" + pipeline + "\", version: 7, from: \"" + day(0)
                + "\", to: \"" + day(1) + "\") " + FIELDS + " }").execute(), "version");
        expectViolation(movement("no-such-pipeline", day(0), day(1)), "pipelineId");
    }

    /** The gauges count the trailing 30 days before now: a move 3 days ago counts, an opening 40 days ago does not. */
    @Test
    void exportsTheFlowsOfTheLast30DaysAsGauges() {
        String pipeline = "movement-gauges";
        Instant now = Instant.now();
        define(pipeline);
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("mvg-1", pipeline, "contact", DealAttributes.NONE, now.minus(Duration.ofDays(40))),
                new DealMovedToStageEvent("mvg-1", pipeline, "contact", "profiling", now.minus(Duration.ofDays(3))),
                new DealLostEvent("mvg-1", pipeline, "profiling", "no budget", now.minus(Duration.ofDays(2))))));
        await().atMost(WITHIN).untilAsserted(() -> movement(pipeline, day(0), now)
                .path("movement.context.deals").entity(Integer.class).isEqualTo(1));

        gauges.refresh();

        assertThat(flow(pipeline, "contact", "in", "opened")).isEqualTo(0.0);
        assertThat(flow(pipeline, "contact", "out", "forward")).isEqualTo(1.0);
        assertThat(flow(pipeline, "profiling", "in", "forward")).isEqualTo(1.0);
        assertThat(flow(pipeline, "profiling", "out", "lost")).isEqualTo(1.0);
        assertThat(flow(pipeline, "profiling", "out", "won")).isEqualTo(0.0);
    }

    private double flow(String pipeline, String stage, String direction, String kind) {
        return meters.get("pipelens.stage.flow").tags("pipeline", pipeline, "stage", stage, "direction", direction,
                "kind", kind).gauge().value();
    }

    private void define(String pipeline) {
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipeline), 0,
                new PipelineDefinedEvent(pipeline, "Movement", 1, SolutionSalesTemplate.STAGES, day(-100))));
    }

    private GraphQlTester.Response movement(String pipeline, Instant from, Instant to) {
        return graphQl.document("{ movement(pipelineId: \"" + pipeline + "\", from: \"" + from + "\", to: \"" + to
                + "\") " + FIELDS + " }").execute();
    }
}
