package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.ProcessingMetrics;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.analytics.bottlenecks.PipelineGauges;
import io.pipelens.query.deal.DealEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The analytics over GraphQL, from events in the store to answers, for three hand-checked deals; then again after a
 * redefinition that absorbs "profiling", with the old version still answerable; and the refusals of bad input.
 *
 * <pre>
 * a: contact (day 0) → qualification (day 2) → won (day 5)
 * b: contact (day 0) → profiling (day 1) → lost (day 4)
 * c: profiling (day 0, mid-pipeline) → terms (day 3), still open
 * </pre>
 */
@QueryServiceTest
@AutoConfigureObservability
class AnalyticsApiTest {

    private static final String PIPELINE = "analytics-api";
    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final DealAttributes ANN = new DealAttributes("ann", "inbound", "SMB", null, null);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private PipelineGauges pipelineGauges;
    @Autowired
    private ProcessingMetrics processingMetrics;
    @LocalServerPort
    private int port;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    @Test
    void answersFromEventsAndAgainUnderARedefinition() {
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(PIPELINE, "API test", 1,
                SolutionSalesTemplate.STAGES, day(-10))));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("a", PIPELINE, "contact", ANN, day(0)),
                new DealOpenedEvent("b", PIPELINE, "contact", ANN, day(0)),
                new DealOpenedEvent("c", PIPELINE, "profiling", ANN, day(0)),
                new DealMovedToStageEvent("b", PIPELINE, "contact", "profiling", day(1)),
                new DealMovedToStageEvent("a", PIPELINE, "contact", "qualification", day(2)),
                new DealMovedToStageEvent("c", PIPELINE, "profiling", "terms", day(3)),
                new DealLostEvent("b", PIPELINE, "profiling", "no budget", day(4)),
                new DealWonEvent("a", PIPELINE, "qualification", day(5)))));

        await().atMost(WITHIN).untilAsserted(() -> funnel(null).path("funnel.context.deals").entity(Integer.class)
                .isEqualTo(3));
        var v1 = funnel(null);
        v1.path("funnel.context.version").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.context.rebuilding").valueIsNull();
        v1.path("funnel.open").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.won").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.lost").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.winRate").entity(Double.class).isEqualTo(0.5);
        v1.path("funnel.stages[*].reached").entityList(Integer.class).containsExactly(3, 3, 2, 1, 1, 0, 0, 0, 0);
        v1.path("funnel.stages[*].visited").entityList(Integer.class).containsExactly(2, 2, 1, 0, 1, 0, 0, 0, 0);
        v1.path("funnel.stages[*].skipped").entityList(Integer.class).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0);
        v1.path("funnel.stages[1].lostAt").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.stages[2].wonFrom").entity(Integer.class).isEqualTo(1);
        v1.path("funnel.stages[4].openAt").entity(Integer.class).isEqualTo(1);

        pipelineGauges.refresh();
        processingMetrics.refresh();
        String scrape = scrape();
        assertThat(scrape)
                .contains("pipelens_deals_open{pipeline=\"" + PIPELINE + "\",stage=\"terms\"} 1.0")
                .contains("pipelens_deals_open{pipeline=\"" + PIPELINE + "\",stage=\"contact\"} 0.0")
                .contains("pipelens_stage_flow{direction=\"in\",kind=\"opened\",pipeline=\"" + PIPELINE
                        + "\",stage=\"contact\"} 0.0")
                .contains("pipelens_stage_conversion_ratio{pipeline=\"" + PIPELINE + "\",stage=\"qualification\"} 1.0")
                .contains("pipelens_stage_transitions_total{from=\"contact\",pipeline=\"" + PIPELINE
                        + "\",to=\"qualification\"} 1.0")
                .contains("pipelens_deals_won_total{pipeline=\"" + PIPELINE + "\",stage=\"qualification\"} 1.0")
                .contains("pipelens_time_in_stage_seconds_count{pipeline=\"" + PIPELINE + "\",stage=\"contact\"} 2")
                .contains("pipelens_processor_lag_seconds{processor=\"deal-journey\"}")
                .contains("pipelens_replay_in_progress{processor=\"analytics-index\"} 0.0")
                .contains("pipelens_processor_events_total{processor=\"deal-journey\"}");

        List<StageDefinition> withoutProfiling = SolutionSalesTemplate.STAGES.stream()
                .filter(s -> !s.key().equals("profiling")).toList();
        List<StageMapping> mapping = new ArrayList<>();
        SolutionSalesTemplate.STAGES.forEach(s -> mapping.add(s.key().equals("profiling")
                ? StageMapping.absorbed("profiling") : StageMapping.to(s.key(), s.key())));
        eventStore.publish(pipelineMessage(1, new PipelineRedefinedEvent(PIPELINE, 2, withoutProfiling, mapping,
                day(10))));

        await().atMost(WITHIN).untilAsserted(() -> funnel(null).path("funnel.context.version").entity(Integer.class)
                .isEqualTo(2));
        var v2 = funnel(null);
        v2.path("funnel.stages[*].key").entityList(String.class).containsExactly("contact", "qualification",
                "requirements", "terms", "defence", "signing", "implementation", "service");
        v2.path("funnel.stages[*].reached").entityList(Integer.class).containsExactly(3, 2, 1, 1, 0, 0, 0, 0);
        v2.path("funnel.stages[*].visited").entityList(Integer.class).containsExactly(2, 1, 0, 1, 0, 0, 0, 0);
        v2.path("funnel.stages[0].lostAt").entity(Integer.class).isEqualTo(1);

        var times = graphQl.documentName("timeInStage").variable("pipelineId", PIPELINE)
                .variable("asOf", day(20).toString()).execute();
        times.path("timeInStage.context.version").entity(Integer.class).isEqualTo(2);
        times.path("timeInStage.stages[0].durations.count").entity(Integer.class).isEqualTo(2);
        times.path("timeInStage.stages[0].durations.medianSeconds").entity(Double.class)
                .isEqualTo(3 * 86_400.0);
        times.path("timeInStage.stages[0].durations.maxSeconds").entity(Double.class).isEqualTo(4 * 86_400.0);

        funnel(1).path("funnel.context.version").entity(Integer.class).isEqualTo(1);
        funnel(1).path("funnel.stages[1].key").entity(String.class).isEqualTo("profiling");

        var comparison = graphQl.document("{ compareVersions(pipelineId: \"" + PIPELINE + "\", a: 1, b: 2) {"
                + " a { version funnel { stages { key } } skipImpact { closedDeals } }"
                + " b { version funnel { stages { key } } timeInStage { stages { durations { count } } } } } }")
                .execute();
        comparison.path("compareVersions.a.funnel.stages[1].key").entity(String.class).isEqualTo("profiling");
        comparison.path("compareVersions.b.funnel.stages[1].key").entity(String.class).isEqualTo("qualification");
        comparison.path("compareVersions.a.skipImpact.closedDeals").entity(Integer.class).isEqualTo(2);
        comparison.path("compareVersions.b.timeInStage.stages[0].durations.count").entity(Integer.class).isEqualTo(2);

        graphQl.documentName("funnel").variable("pipelineId", PIPELINE)
                .variable("filter", Map.of("owner", "nobody")).execute()
                .path("funnel.context.note").entity(String.class).satisfies(note ->
                        assertThat(note).contains("owner 'nobody'"));
    }

    /**
     * A history that ended in 2011, read as of now and as of its end. Deal h1: contact (day 0) → qualification
     * (day 2); h2: contact (day 1) → lost (day 3), then its owner changes (day 4), the last event.
     */
    @Test
    void statesTheLastDealEventAndNotesAHistoryThatEndedLongBeforeAsOf() {
        String pipeline = "analytics-history";
        Instant start = Instant.parse("2011-05-02T00:00:00Z");
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(pipeline, "Old history", 1,
                SolutionSalesTemplate.STAGES, start), pipeline));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("h1", pipeline, "contact", ANN, start),
                new DealOpenedEvent("h2", pipeline, "contact", ANN, start.plus(Duration.ofDays(1))),
                new DealMovedToStageEvent("h1", pipeline, "contact", "qualification", start.plus(Duration.ofDays(2))),
                new DealLostEvent("h2", pipeline, "contact", "no budget", start.plus(Duration.ofDays(3))),
                new DealAttributesChangedEvent("h2", pipeline, new DealAttributes("bob", null, null, null, null),
                        start.plus(Duration.ofDays(4))))));
        Instant lastEvent = start.plus(Duration.ofDays(4));
        String context = "context { asOf lastEventAt note deals }";

        // ignoring exceptions: lastEventAt is null, which does not convert to an Instant, until the events arrive
        await().atMost(WITHIN).ignoreExceptions().untilAsserted(() -> graphQl.document("{ funnel(pipelineId: \""
                + pipeline + "\") { " + context + " } }").execute().path("funnel.context.lastEventAt")
                .entity(Instant.class).isEqualTo(lastEvent));
        Instant before = Instant.now();
        var now = graphQl.document("{ funnel(pipelineId: \"" + pipeline + "\") { " + context + " }"
                + " dataQuality(pipelineId: \"" + pipeline + "\") { " + context + " } }").execute();
        for (String answer : List.of("funnel", "dataQuality")) {
            now.path(answer + ".context.asOf").entity(String.class).satisfies(asOf -> {
                assertThat(Instant.parse(asOf)).isBetween(before.minusMillis(1), Instant.now());
                assertThat(Instant.parse(asOf).getNano() % 1_000_000).as("to the millisecond").isZero();
            });
            now.path(answer + ".context.lastEventAt").entity(Instant.class).isEqualTo(lastEvent);
            now.path(answer + ".context.note").entity(String.class).satisfies(note -> assertThat(note)
                    .contains("days after the last deal event, at " + lastEvent).contains("pass asOf"));
        }

        String asOfWithNanos = "2011-05-05T12:00:00.123456789Z";
        var historical = graphQl.document("{ bottlenecks(pipelineId: \"" + pipeline + "\", asOf: \""
                + asOfWithNanos + "\") { asOf " + context + " stages { wip } }"
                + " timeInStage(pipelineId: \"" + pipeline + "\", asOf: \"" + asOfWithNanos + "\") { asOf "
                + context + " } }").execute();
        for (String answer : List.of("bottlenecks", "timeInStage")) {
            historical.path(answer + ".asOf").entity(String.class).isEqualTo("2011-05-05T12:00:00.123Z");
            historical.path(answer + ".context.asOf").entity(String.class).isEqualTo("2011-05-05T12:00:00.123Z");
            historical.path(answer + ".context.lastEventAt").entity(Instant.class)
                    .isEqualTo(start.plus(Duration.ofDays(3)));
            historical.path(answer + ".context.note").valueIsNull();
        }
        historical.path("bottlenecks.stages[2].wip").entity(Integer.class).isEqualTo(1);

        Instant quiet = lastEvent.plus(Duration.ofDays(30));
        bottlenecksAsOf(pipeline, quiet).path("bottlenecks.context.note").valueIsNull();
        bottlenecksAsOf(pipeline, quiet.plusMillis(1)).path("bottlenecks.context.note").entity(String.class)
                .satisfies(note -> assertThat(note).startsWith("asOf " + quiet.plusMillis(1) + " is 30 days after"));
    }

    /**
     * Every analytics query takes asOf and answers from the events up to it alone. Deal x1: contact (day 0) →
     * qualification (day 2) → won (day 5); x2: contact (day 1) → lost (day 3), its owner changed from ann to bob on
     * day 4. As of day 2.5 nothing is closed yet and both are ann's; as of day 4 x2 is lost and bob's.
     */
    @Test
    void everyAnalyticsQueryAnswersAsOfAnInstantFromTheEventsUpToIt() {
        String pipeline = "analytics-asof";
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(pipeline, "As of", 1,
                SolutionSalesTemplate.STAGES, day(-10)), pipeline));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("x1", pipeline, "contact", ANN, day(0)),
                new DealOpenedEvent("x2", pipeline, "contact", ANN, day(1)),
                new DealMovedToStageEvent("x1", pipeline, "contact", "qualification", day(2)),
                new DealLostEvent("x2", pipeline, "contact", "no budget", day(3)),
                new DealAttributesChangedEvent("x2", pipeline, new DealAttributes("bob", null, null, null, null),
                        day(4)),
                new DealWonEvent("x1", pipeline, "qualification", day(5)))));
        await().atMost(WITHIN).untilAsserted(() -> graphQl.document("{ funnel(pipelineId: \"" + pipeline
                + "\") { won } }").execute().path("funnel.won").entity(Integer.class).isEqualTo(1));

        var early = asOf(pipeline, day(2).plus(Duration.ofHours(12)), "ann");
        early.path("funnel.context.asOf").entity(Instant.class).isEqualTo(day(2).plus(Duration.ofHours(12)));
        early.path("funnel.context.lastEventAt").entity(Instant.class).isEqualTo(day(2));
        early.path("funnel.open").entity(Integer.class).isEqualTo(2);
        early.path("funnel.won").entity(Integer.class).isEqualTo(0);
        early.path("skipImpact.closedDeals").entity(Integer.class).isEqualTo(0);
        early.path("salesVelocity.context.deals").entity(Integer.class).isEqualTo(2);
        early.path("timeInStage.stages[0].durations.count").entity(Integer.class).isEqualTo(1);
        early.path("bottlenecks.stages[*].wip").entityList(Integer.class).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0);
        early.path("dataQuality.context.deals").entity(Integer.class).isEqualTo(2);
        early.path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(0);
        early.path("compareVersions.a.funnel.open").entity(Integer.class).isEqualTo(2);
        early.path("trend.periods[*].lost").entityList(Integer.class).containsExactly(0, 0, 0);
        early.path("trend.periods[1].stages[*].wip").entityList(Integer.class)
                .containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0);

        var later = asOf(pipeline, day(4), "bob");
        later.path("funnel.context.deals").entity(Integer.class).isEqualTo(1);
        later.path("funnel.lost").entity(Integer.class).isEqualTo(1);
        later.path("dataQuality.context.deals").entity(Integer.class).isEqualTo(1);
        later.path("trend.periods[*].lost").entityList(Integer.class).containsExactly(0, 1, 0);
        asOf(pipeline, day(3), "bob").path("funnel.context.deals").entity(Integer.class).isEqualTo(0);
        asOf(pipeline, day(6), "ann").path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(1);
    }

    /** Every analytics query of one pipeline as of {@code at}, those that filter for {@code owner}. */
    private org.springframework.graphql.test.tester.GraphQlTester.Response asOf(String pipeline, Instant at,
                                                                                String owner) {
        String args = "pipelineId: \"" + pipeline + "\", asOf: \"" + at + "\"";
        String filtered = args + ", filter: { owner: \"" + owner + "\" }";
        return graphQl.document("{ funnel(" + filtered + ") { context { asOf lastEventAt deals } open won lost }"
                + " skipImpact(" + filtered + ") { closedDeals }"
                + " salesVelocity(" + filtered + ") { context { deals } }"
                + " timeInStage(" + filtered + ") { stages { durations { count } } }"
                + " bottlenecks(" + filtered + ") { stages { wip } }"
                + " dataQuality(" + filtered + ") { context { deals } }"
                + " discoverStages(" + args + ") { sampleSize }"
                + " compareVersions(" + filtered + ", a: 1, b: 1) { a { funnel { open } } }"
                + " trend(" + filtered + ", from: \"" + day(-7) + "\", to: \"" + day(14) + "\", interval: WEEK)"
                + " { periods { won lost stages { wip } } } }").execute();
    }

    /**
     * Each interval is fed by its own counts. w1: contact → profiling → won; w2, w3: contact → lost; w4: contact,
     * open; w5: profiling (skipping contact) → lost. At contact: reached 5, visited 4, progressed 2 (w1, w5), of which
     * 1 visited, lost there 2; closed beyond contact: w5 skipped and lost, w1 visited and won.
     */
    @Test
    void everyProportionCarriesItsWilsonInterval() {
        String pipeline = "analytics-wilson";
        DealAttributes euros = new DealAttributes("ann", "inbound", "SMB", new BigDecimal("100"), "EUR");
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(pipeline, "Intervals", 1,
                SolutionSalesTemplate.STAGES, day(-10)), pipeline));
        List<DealEvent> events = new ArrayList<>();
        for (String deal : List.of("w1", "w2", "w3", "w4")) {
            events.add(new DealOpenedEvent(deal, pipeline, "contact", euros, day(0)));
        }
        events.add(new DealOpenedEvent("w5", pipeline, "profiling", euros, day(0)));
        events.add(new DealMovedToStageEvent("w1", pipeline, "contact", "profiling", day(1)));
        events.add(new DealWonEvent("w1", pipeline, "profiling", day(2)));
        events.add(new DealLostEvent("w2", pipeline, "contact", "no budget", day(2)));
        events.add(new DealLostEvent("w3", pipeline, "contact", "no budget", day(2)));
        events.add(new DealLostEvent("w5", pipeline, "profiling", "no budget", day(2)));
        eventStore.publish(DealEvents.asMessages(events));
        String ci = "{ lower upper }";
        String query = "{ funnel(pipelineId: \"" + pipeline + "\") { context { deals } winRateCi " + ci
                + " stages { stageConversionCi " + ci + " strictStageConversionCi " + ci + " resolvedConversionCi "
                + ci + " strictResolvedConversionCi " + ci + " } }"
                + " skipImpact(pipelineId: \"" + pipeline + "\") { stages { lostRateSkippedCi " + ci
                + " lostRateVisitedCi " + ci + " } }"
                + " salesVelocity(pipelineId: \"" + pipeline + "\") { currencies { winRateCi " + ci + " } } }";

        await().atMost(WITHIN).untilAsserted(() -> graphQl.document(query).execute()
                .path("funnel.context.deals").entity(Integer.class).isEqualTo(5));
        var answer = graphQl.document(query).execute();
        Map<String, Interval> expected = Map.of(
                "funnel.winRateCi", WilsonInterval.of(1, 4),
                "funnel.stages[0].stageConversionCi", WilsonInterval.of(2, 5),
                "funnel.stages[0].strictStageConversionCi", WilsonInterval.of(1, 4),
                "funnel.stages[0].resolvedConversionCi", WilsonInterval.of(2, 4),
                "funnel.stages[0].strictResolvedConversionCi", WilsonInterval.of(1, 3),
                "skipImpact.stages[0].lostRateSkippedCi", WilsonInterval.of(1, 1),
                "skipImpact.stages[0].lostRateVisitedCi", WilsonInterval.of(0, 1),
                "salesVelocity.currencies[0].winRateCi", WilsonInterval.of(1, 4));
        expected.forEach((path, interval) -> {
            answer.path(path + ".lower").entity(Double.class).isEqualTo(interval.lower());
            answer.path(path + ".upper").entity(Double.class).isEqualTo(interval.upper());
        });
        answer.path("funnel.stages[8].stageConversionCi").valueIsNull();
        answer.path("skipImpact.stages[8].lostRateVisitedCi").valueIsNull();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response bottlenecksAsOf(String pipeline,
                                                                                          Instant asOf) {
        return graphQl.document("{ bottlenecks(pipelineId: \"" + pipeline + "\", asOf: \"" + asOf + "\") {"
                + " context { note } } }").execute();
    }

    @Test
    void refusesBadInputNamingTheField() {
        expectViolation(graphQl.documentName("funnel").variable("pipelineId", "no-such-pipeline"), "pipelineId");
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent("analytics-bad", "Bad input", 1,
                SolutionSalesTemplate.STAGES, day(-10)), "analytics-bad"));
        await().atMost(WITHIN).untilAsserted(() -> graphQl.documentName("funnel")
                .variable("pipelineId", "analytics-bad").execute().path("funnel.context.deals").hasValue());
        expectViolation(graphQl.documentName("funnel").variable("pipelineId", "analytics-bad").variable("version", 7),
                "version");
        expectViolation(graphQl.documentName("funnel").variable("pipelineId", "analytics-bad")
                .variable("population", Map.of("basis", "OPENED", "from", day(5).toString(),
                        "to", day(1).toString())), "population");
        graphQl.document("{ funnel(pipelineId: \"analytics-bad\", policy: SIDEWAYS) { open } }").execute()
                .errors().expect(e -> e.getMessage().contains("SIDEWAYS")).verify();
        expectViolation(graphQl.document("{ bottlenecks(pipelineId: \"analytics-bad\", windowDays: 0) { bottleneck } }"),
                "windowDays");
        expectViolation(graphQl.document("{ compareVersions(pipelineId: \"analytics-bad\", a: 1, b: 7) "
                + "{ a { version } } }"), "b");
        expectViolation(graphQl.document("{ trend(pipelineId: \"analytics-bad\", from: \"" + day(5) + "\", to: \""
                + day(5) + "\", interval: WEEK) { from } }"), "from");
        expectViolation(graphQl.document("{ trend(pipelineId: \"analytics-bad\", from: \"" + day(0) + "\", to: \""
                + day(3000) + "\", interval: WEEK) { from } }"), "to");
        expectViolation(graphQl.document("{ trend(pipelineId: \"analytics-bad\", from: \"" + day(0)
                + "\", to: \"9999-12-31T00:00:00Z\", interval: WEEK) { from } }"), "to");
        graphQl.document("{ trend(pipelineId: \"analytics-bad\", from: \"" + day(0) + "\", to: "
                + "\"+200000000-01-01T00:00:00Z\", interval: WEEK) { from } }").execute()
                .errors().expect(e -> e.getMessage().contains("'to'") && e.getMessage().contains("DateTime")).verify();
        graphQl.document("{ trend(pipelineId: \"analytics-bad\", from: \"" + day(0) + "\", to: \"" + day(9)
                        + "\", interval: DAY) { from } }").execute()
                .errors().expect(e -> e.getMessage().contains("interval") && e.getMessage().contains("DAY")).verify();
    }

    private String scrape() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response funnel(Integer version) {
        return graphQl.documentName("funnel").variable("pipelineId", PIPELINE).variable("version", version).execute();
    }

    private static void expectViolation(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request,
                                        String field) {
        request.execute().errors().expect(error -> {
            Object violations = error.getExtensions().get("violations");
            return violations instanceof List<?> list && list.stream()
                    .anyMatch(v -> v instanceof Map<?, ?> m && field.equals(m.get("field")));
        }).verify();
    }

    private static DomainEventMessage<?> pipelineMessage(long sequence, Object event) {
        return pipelineMessage(sequence, event, PIPELINE);
    }

    private static DomainEventMessage<?> pipelineMessage(long sequence, Object event, String pipelineId) {
        return new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipelineId), sequence, event);
    }
}
