package io.pipelens.query.admin;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.ProcessingMetrics;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.processing.WriteBehind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The admin operations over GraphQL: the projections Axon knows, a replay that keeps the deal journeys answering
 * from the last complete state, its cancellation, and the refusals.
 */
@QueryServiceTest
@AutoConfigureObservability
class ProjectionAdminApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private JourneyStore journeys;
    @Autowired
    private ProcessingMetrics processingMetrics;
    @Autowired
    private WriteBehind<DealJourney> journeyWrites;
    @LocalServerPort
    private int port;

    @Test
    void listsEveryStreamingProcessorByName() {
        List<String> names = graphQl.documentName("projections").execute().path("projections[*].name")
                .entityList(String.class).get();
        assertThat(names).contains(DealJourneyProjection.PROCESSOR, "pipelines")
                .containsExactlyInAnyOrderElementsOf(processing.eventProcessors().keySet());
    }

    @Test
    void aReplayKeepsTheLastCompleteJourneysUntilCancelledOrCaughtUp() {
        List<DealEvent> history = aDealWonFromQualification("admin-won");
        eventStore.publish(asMessages(history));
        // The processor may take the deal's events in more than one batch: wait for the last.
        await().atMost(WITHIN).until(() -> Optional.ofNullable(mongo.findById("admin-won", DealJourney.class))
                .filter(journey -> journey.lastSequence() == history.size() - 1).isPresent());
        DealJourney before = mongo.findById("admin-won", DealJourney.class);

        TrackingEventProcessor processor = processing.eventProcessor(DealJourneyProjection.PROCESSOR,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();

        GraphQlTester.Response during = graphQl.document("{ deal(id: \"admin-won\") { id status replay { progress"
                + " target } } deals(first: 1) { replay { target } } }").execute();
        during.path("deal.status").entity(String.class).isEqualTo(before.status().name());
        during.path("deal.replay.progress").entity(Double.class).isEqualTo(0.0);
        during.path("deals.replay.target").entity(Double.class).isEqualTo((double) journeys.replay().target());
        Map<String, Object> status = deal(graphQl.documentName("projections").execute());
        assertThat(status).containsEntry("replaying", true).containsEntry("status", "STOPPED");
        expectViolation(graphQl.documentName("replayProjection").variable("name", "deal-journey"), "name",
                "already replaying");
        processingMetrics.refresh();
        assertThat(scrape()).contains("pipelens_replay_in_progress{processor=\"deal-journey\"} 1.0")
                .contains("pipelens_replay_progress_ratio{processor=\"deal-journey\"} 0.0");

        eventStore.publish(asMessages(List.of(opened("admin-after-cancel", "contact", day(1)))));
        graphQl.documentName("cancelReplay").variable("name", "deal-journey").execute()
                .path("cancelReplay.replaying").entity(Boolean.class).isEqualTo(false);
        assertThat(journeys.replay()).isNull();
        assertThat(mongo.collectionExists(JourneyStore.STAGING)).isFalse();
        assertThat(mongo.findById("admin-won", DealJourney.class)).isEqualTo(before);
        await().atMost(WITHIN).until(() -> mongo.findById("admin-after-cancel", DealJourney.class) != null);

        expectViolation(graphQl.documentName("cancelReplay").variable("name", "deal-journey"), "name",
                "no replay running");
        long handedIn = journeyWrites.lane(0).handedIn();
        graphQl.documentName("replayProjection").variable("name", "deal-journey").execute()
                .path("replayProjection.name").entity(String.class).isEqualTo("deal-journey");
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(journeys.replay()).isNull();
            assertThat(processor.processingStatus().values()).allMatch(EventTrackerStatus::isCaughtUp);
        });
        assertThat(mongo.findById("admin-won", DealJourney.class)).isEqualTo(before);
        assertThat(mongo.findById("admin-after-cancel", DealJourney.class)).isNotNull();
        // The processor's batches reached the segment's lane, and its tokens were stored after their writes.
        assertThat(journeyWrites.lane(0).handedIn()).isGreaterThan(handedIn);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(journeyWrites.lane(0).storedPosition())
                .isEqualTo(processor.processingStatus().get(0).getCurrentPosition()));
        assertThat(deal(graphQl.documentName("projections").execute())).containsEntry("replaying", false)
                .containsEntry("status", "RUNNING");
        processingMetrics.refresh();
        assertThat(scrape()).contains("pipelens_replay_in_progress{processor=\"deal-journey\"} 0.0")
                .contains("pipelens_replay_progress_ratio{processor=\"deal-journey\"} 1.0");
    }

    @Test
    void refusesUnknownNamesListingTheKnownOnes() {
        expectViolation(graphQl.documentName("replayProjection").variable("name", "no-such"), "name", "deal-journey");
        expectViolation(graphQl.documentName("cancelReplay").variable("name", "no-such"), "name", "pipelines");
        // Another test in this context may have replayed "pipelines" a moment ago: wait until it has caught up.
        await().atMost(WITHIN).until(() -> processing.eventProcessor("pipelines", TrackingEventProcessor.class)
                .orElseThrow().processingStatus().values().stream().noneMatch(s -> s.isReplaying() && !s.isCaughtUp()));
        expectViolation(graphQl.documentName("cancelReplay").variable("name", "pipelines"), "name",
                "no replay running");
    }

    private String scrape() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deal(GraphQlTester.Response response) {
        List<Map<String, Object>> all = response.path("projections").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        return all.stream().filter(m -> m.get("name").equals("deal-journey")).findFirst().orElseThrow();
    }

    private static void expectViolation(GraphQlTester.Request<?> request, String field, String reason) {
        request.execute().errors().expect(error -> {
            Object violations = error.getExtensions().get("violations");
            return violations instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map<?, ?> m
                    && field.equals(m.get("field")) && String.valueOf(m.get("reason")).contains(reason));
        }).verify();
    }
}
