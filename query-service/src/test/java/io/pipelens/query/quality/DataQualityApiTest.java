package io.pipelens.query.quality;

import static io.pipelens.query.quality.Imports.imported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.ProcessingMetrics;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.deal.DealEvents;
import io.pipelens.query.pipeline.PipelineEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The data-quality report over GraphQL, from events in the store to the answer: three hand-checked deals (with ids of
 * their own, since the test context and its event store are shared) and three imports, one of another pipeline; again
 * under a version that absorbs "profiling"; a replay of the import processor; and the refusals of bad input.
 *
 * <pre>
 * q-a: contact (day 0) → qualification (day 1) → profiling (day 2, backward) → won (day 3)
 *      → reopened into contact (day 5)
 * q-b: terms (day 0, mid-pipeline), open
 * q-c: contact (day 0) → lost (day 1)
 * </pre>
 */
@QueryServiceTest
class DataQualityApiTest {

    private static final String PIPELINE = "quality-api";
    private static final Instant DAY0 = Instant.parse("2026-04-06T00:00:00Z");
    private static final DealAttributes ANN = new DealAttributes("ann", "inbound", "smb", null, null);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private ProcessingMetrics processingMetrics;
    @Autowired
    private MeterRegistry meters;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    @Test
    void reportsOddHistoriesAndImportsFromEvents() {
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(PIPELINE, "Quality test", 1,
                SolutionSalesTemplate.STAGES, day(-10)), PIPELINE));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("q-a", PIPELINE, "contact", ANN, day(0)),
                new DealOpenedEvent("q-b", PIPELINE, "terms", ANN, day(0)),
                new DealOpenedEvent("q-c", PIPELINE, "contact", ANN, day(0)),
                new DealMovedToStageEvent("q-a", PIPELINE, "contact", "qualification", day(1)),
                new DealLostEvent("q-c", PIPELINE, "contact", "no budget", day(1)),
                new DealMovedToStageEvent("q-a", PIPELINE, "qualification", "profiling", day(2)),
                new DealWonEvent("q-a", PIPELINE, "profiling", day(3)),
                new DealReopenedEvent("q-a", PIPELINE, "contact", day(5)))));
        eventStore.publish(Imports.messages(
                imported("q-1", PIPELINE, day(6), 100, Map.of("unknown-activity", 4L, "unparsable-timestamp", 1L)),
                imported("q-2", PIPELINE, day(7), 20, Map.of("unknown-activity", 2L)),
                imported("q-3", "quality-other", day(8), 50, Map.of("unknown-activity", 9L))));

        await().atMost(WITHIN).untilAsserted(() -> {
            GraphQlTester.Response ready = report(null);
            ready.path("dataQuality.context.deals").entity(Integer.class).isEqualTo(3);
            ready.path("dataQuality.reopenings.events").entity(Integer.class).isEqualTo(1);
            ready.path("dataQuality.imports.imports").entity(Integer.class).isEqualTo(2);
        });
        GraphQlTester.Response v1 = report(null);
        v1.path("dataQuality.context.version").entity(Integer.class).isEqualTo(1);
        v1.path("dataQuality.startedMidPipeline.deals").entity(Integer.class).isEqualTo(1);
        v1.path("dataQuality.startedMidPipeline.sample").entityList(String.class).containsExactly("q-b");
        v1.path("dataQuality.backwardMoves.events").entity(Integer.class).isEqualTo(1);
        v1.path("dataQuality.backwardMoves.sample").entityList(String.class).containsExactly("q-a");
        v1.path("dataQuality.reopenings.sample").entityList(String.class).containsExactly("q-a");
        v1.path("dataQuality.firstStages[*].deals").entityList(Integer.class)
                .containsExactly(2, 0, 0, 0, 1, 0, 0, 0, 0);
        v1.path("dataQuality.imports.rowsRead").entity(Integer.class).isEqualTo(120);
        v1.path("dataQuality.imports.rowsRejected").entity(Integer.class).isEqualTo(7);
        v1.path("dataQuality.imports.rejectedRowsByReason[*].reason").entityList(String.class)
                .containsExactly("unknown-activity", "unparsable-timestamp");
        v1.path("dataQuality.imports.rejectedRowsByReason[*].rows").entityList(Integer.class).containsExactly(6, 1);
        v1.path("dataQuality.imports.recent[*].id").entityList(String.class).containsExactly("q-2", "q-1");
        v1.path("dataQuality.imports.recent[0].source").entity(String.class).isEqualTo("q-2.csv");
        v1.path("dataQuality.imports.recent[0].importedAt").entity(String.class).isEqualTo(day(7).toString());
        v1.path("dataQuality.imports.recent[1].rowsRejected").entity(Integer.class).isEqualTo(5);

        graphQl.documentName("dataQuality").variable("pipelineId", PIPELINE).variable("sampleSize", 0)
                .variable("recentImports", 1).variable("filter", Map.of("owner", "nobody")).execute()
                .path("dataQuality.context.deals").entity(Integer.class).isEqualTo(0)
                .path("dataQuality.context.note").hasValue()
                .path("dataQuality.imports.imports").entity(Integer.class).isEqualTo(2)
                .path("dataQuality.imports.recent[*].id").entityList(String.class).containsExactly("q-2");

        PipelineRedefinedEvent absorbed = PipelineEvents.profilingAbsorbed(PIPELINE);
        eventStore.publish(pipelineMessage(1, absorbed, PIPELINE));
        await().atMost(WITHIN).untilAsserted(() -> report(null).path("dataQuality.context.version")
                .entity(Integer.class).isEqualTo(2));
        // Under version 2 the move back into profiling takes qualification's time: no move, nothing backward.
        report(null).path("dataQuality.backwardMoves.events").entity(Integer.class).isEqualTo(0)
                .path("dataQuality.reopenings.events").entity(Integer.class).isEqualTo(1)
                .path("dataQuality.firstStages[*].key").entityList(String.class).doesNotContain("profiling");
        report(1).path("dataQuality.backwardMoves.events").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aReplayOfTheImportProcessorRebuildsTheSameImports() {
        String pipeline = "quality-replay";
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent(pipeline, "Replay", 1,
                SolutionSalesTemplate.STAGES, day(-10)), pipeline));
        eventStore.publish(Imports.messages(
                imported("r-1", pipeline, day(1), 10, Map.of("unknown-activity", 3L)),
                imported("r-2", pipeline, day(2), 30, Map.of("missing-stage", 1L, "unknown-activity", 2L))));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(imports(pipeline)).hasSize(2));
        List<DealLogImportView> before = imports(pipeline);
        String answerBefore = request(pipeline).execute().path("dataQuality.imports").entity(Map.class).get()
                .toString();
        mongo.save(new DealLogImportView("r-not-in-the-event-store", pipeline, null, 1, 1, List.of(), 1, 0, 0, 0,
                day(3)));

        TrackingEventProcessor processor = processing.eventProcessor(DealLogImportProjection.PROCESSOR,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(imports(pipeline)).as("imports after the reset handler").isEmpty();
        } finally {
            processor.start();
        }

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(processor.processingStatus().values()).isNotEmpty().allMatch(EventTrackerStatus::isCaughtUp);
            assertThat(imports(pipeline)).isEqualTo(before);
        });
        request(pipeline).execute().path("dataQuality.imports").entity(Map.class)
                .satisfies(answer -> assertThat(answer.toString()).isEqualTo(answerBefore));
        processingMetrics.refresh();
        assertThat(meters.find("pipelens.processor.lag").tag("processor", DealLogImportProjection.PROCESSOR)
                .gauge()).as("lag gauge of the import processor").isNotNull();
    }

    private List<DealLogImportView> imports(String pipelineId) {
        return mongo.find(Query.query(Criteria.where("pipelineId").is(pipelineId)), DealLogImportView.class).stream()
                .sorted(Comparator.comparing(DealLogImportView::id)).toList();
    }

    @Test
    void refusesBadInputNamingTheArgument() {
        expectViolation(graphQl.documentName("dataQuality").variable("pipelineId", "no-such-pipeline"), "pipelineId");
        eventStore.publish(pipelineMessage(0, new PipelineDefinedEvent("quality-bad", "Bad input", 1,
                SolutionSalesTemplate.STAGES, day(-10)), "quality-bad"));
        await().atMost(WITHIN).untilAsserted(() -> graphQl.documentName("dataQuality")
                .variable("pipelineId", "quality-bad").execute().path("dataQuality.context.deals").hasValue());
        expectViolation(request("quality-bad").variable("version", 7), "version");
        expectViolation(request("quality-bad").variable("sampleSize", 101), "sampleSize");
        expectViolation(request("quality-bad").variable("recentImports", -1), "recentImports");
        expectViolation(request("quality-bad").variable("population", Map.of("basis", "OPENED",
                "from", day(5).toString(), "to", day(1).toString())), "population");
    }

    private GraphQlTester.Request<?> request(String pipelineId) {
        return graphQl.documentName("dataQuality").variable("pipelineId", pipelineId);
    }

    private GraphQlTester.Response report(Integer version) {
        return request(PIPELINE).variable("version", version).execute();
    }

    private static void expectViolation(GraphQlTester.Request<?> request, String field) {
        request.execute().errors().expect(error -> {
            Object violations = error.getExtensions().get("violations");
            return violations instanceof List<?> list && list.stream()
                    .anyMatch(v -> v instanceof Map<?, ?> m && field.equals(m.get("field")));
        }).verify();
    }

    private static DomainEventMessage<?> pipelineMessage(long sequence, Object event, String pipelineId) {
        return new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipelineId), sequence, event);
    }
}
