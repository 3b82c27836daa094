package io.pipelens.query;

import static io.pipelens.query.deal.DealEvents.aDealLostThenReopened;
import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static io.pipelens.query.deal.DealEvents.opened;
import static io.pipelens.query.deal.DealEvents.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.DealStatusView;
import io.pipelens.query.pipeline.PipelineEvents;
import io.pipelens.query.pipeline.PipelineProjection;
import io.pipelens.query.pipeline.PipelineView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Events appended to the SQL event store, as the command service appends them, reach the read models through the
 * tracking processors, whose tokens live in MongoDB. Deal and pipeline ids are this class's own (prefix e2e-).
 */
@QueryServiceTest
class EventStoreToReadModelTest {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(15);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private HttpGraphQlTester graphQl;

    @Test
    void dealEventsAppendedOneCommandAtATimeBecomeTheirJourneys() {
        List<DealEvent> won = aDealWonFromQualification("e2e-won");
        List<DealEvent> reopened = aDealLostThenReopened("e2e-reopened");
        List<DealEvent> both = new ArrayList<>(won);
        both.addAll(reopened);

        asMessages(both).forEach(message -> eventStore.publish(message));

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            assertThat(mongo.findById("e2e-won", DealJourney.class)).isEqualTo(journeyOf(won));
            assertThat(mongo.findById("e2e-reopened", DealJourney.class)).isEqualTo(journeyOf(reopened));
        });
    }

    @Test
    void aJourneyFollowsEventsAppendedLater() {
        List<DealEvent> history = new ArrayList<>(List.of(opened("e2e-later", "terms", day(0))));
        eventStore.publish(asMessages(history));
        await().atMost(PROJECTED_WITHIN).until(() -> mongo.findById("e2e-later", DealJourney.class) != null);

        history.add(won("e2e-later", "terms", day(8)));
        eventStore.publish(asMessages(history).get(1));

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            DealJourney journey = mongo.findById("e2e-later", DealJourney.class);
            assertThat(journey.status()).isEqualTo(DealStatusView.WON);
            assertThat(journey).isEqualTo(journeyOf(history));
        });
    }

    @Test
    void theProcessorsKeepTheirTokensInMongo() {
        eventStore.publish(asMessages(opened("e2e-token", "contact", day(0))));
        await().atMost(PROJECTED_WITHIN).until(() -> mongo.findById("e2e-token", DealJourney.class) != null);

        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            for (String processor : List.of(DealJourneyProjection.PROCESSOR, PipelineProjection.PROCESSOR)) {
                Document token = mongo.getCollection("trackingtokens")
                        .find(new Document("processorName", processor).append("segment", 0))
                        .first();
                assertThat(token).as("token of %s", processor).isNotNull();
                assertThat(token.getString("tokenType")).endsWith("GapAwareTrackingToken");
            }
        });
    }

    @Test
    void pipelineEventsBecomeAPipelineTheApiAnswersWith() {
        List<? extends EventMessage<?>> events = PipelineEvents.asMessages("e2e-sales",
                PipelineEvents.theTemplateDefined("e2e-sales"), PipelineEvents.profilingAbsorbed("e2e-sales"));
        eventStore.publish(events);

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            PipelineView pipeline = mongo.findById("e2e-sales", PipelineView.class);
            assertThat(pipeline).isNotNull();
            assertThat(pipeline.currentVersion()).isEqualTo(2);
        });
        graphQl.documentName("pipeline").variable("id", "e2e-sales").execute()
                .path("pipeline.currentVersion").entity(Integer.class).isEqualTo(2)
                .path("pipeline.selected.stages[*].key").entityList(String.class).doesNotContain("profiling");
    }

    @Test
    void aStoppedProcessorResumesFromItsTokenAndCatchesUp() {
        List<DealEvent> history = aDealWonFromQualification("e2e-resumed");
        List<DomainEventMessage<?>> messages = asMessages(history);
        eventStore.publish(messages.subList(0, 2));
        await().atMost(PROJECTED_WITHIN).until(() -> mongo.findById("e2e-resumed", DealJourney.class) != null
                && mongo.findById("e2e-resumed", DealJourney.class).lastSequence() == 1);

        TrackingEventProcessor processor = dealJourneyProcessor();
        processor.shutDown();
        try {
            eventStore.publish(messages.subList(2, messages.size()));
            assertThat(mongo.findById("e2e-resumed", DealJourney.class).lastSequence()).isEqualTo(1);
        } finally {
            processor.start();
        }

        await().atMost(PROJECTED_WITHIN).untilAsserted(() ->
                assertThat(mongo.findById("e2e-resumed", DealJourney.class)).isEqualTo(journeyOf(history)));
    }

    @Test
    void eventsDeliveredAgainFromAnOlderTokenChangeNoJourney() {
        eventStore.publish(asMessages(opened("e2e-before-redelivery", "contact", day(0))));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> mongo.findById("e2e-before-redelivery", DealJourney.class) != null);
        TrackingToken beforeTheBatch = eventStore.createHeadToken();
        eventStore.publish(asMessages(aDealLostThenReopened("e2e-redelivered")));
        await().atMost(PROJECTED_WITHIN).until(() -> mongo.findById("e2e-redelivered", DealJourney.class) != null
                && mongo.findById("e2e-redelivered", DealJourney.class).lastSequence() == 3);
        List<DealJourney> before = mongo.findAll(DealJourney.class);

        TrackingEventProcessor processor = dealJourneyProcessor();
        processor.shutDown();
        try {
            tokenStore.storeToken(beforeTheBatch, DealJourneyProjection.PROCESSOR, 0);
            assertThat(tokenStore.fetchToken(DealJourneyProjection.PROCESSOR, 0)).isEqualTo(beforeTheBatch);
        } finally {
            processor.start();
        }
        eventStore.publish(asMessages(opened("e2e-after-redelivery", "contact", day(30))));

        await().atMost(PROJECTED_WITHIN)
                .until(() -> mongo.findById("e2e-after-redelivery", DealJourney.class) != null);
        List<DealJourney> after = mongo.findAll(DealJourney.class);
        after.removeIf(journey -> journey.id().equals("e2e-after-redelivery"));
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aReplayRebuildsTheJourneysFromTheFullHistory() {
        List<DealEvent> history = aDealLostThenReopened("e2e-replayed");
        eventStore.publish(asMessages(history));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> journeyOf(history).equals(mongo.findById("e2e-replayed", DealJourney.class)));
        mongo.insert(journeyOf(List.of(opened("e2e-not-in-the-event-store", "contact", day(0)))));

        TrackingEventProcessor processor = dealJourneyProcessor();
        processor.shutDown();
        try {
            List<DealJourney> live = mongo.findAll(DealJourney.class);
            processor.resetTokens();
            assertThat(mongo.findAll(DealJourney.class)).as("live read model while the replay builds in staging")
                    .containsExactlyInAnyOrderElementsOf(live);
        } finally {
            processor.start();
        }

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            assertThat(processor.processingStatus()).isNotEmpty();
            assertThat(processor.processingStatus().values()).allMatch(EventTrackerStatus::isCaughtUp);
            assertThat(mongo.findById("e2e-replayed", DealJourney.class)).isEqualTo(journeyOf(history));
            // The switch follows once the caught-up segment's token is stored (checked every 250 ms).
            assertThat(mongo.findById("e2e-not-in-the-event-store", DealJourney.class)).isNull();
        });
    }

    private TrackingEventProcessor dealJourneyProcessor() {
        return processing.eventProcessor(DealJourneyProjection.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow();
    }
}
