package io.pipelens.query.admin;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static io.pipelens.query.deal.DealEvents.lost;
import static io.pipelens.query.deal.DealEvents.opened;
import static io.pipelens.query.deal.DealEvents.reopened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.QueryServiceApplication;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.deal.Visit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * On the embedded default (events and read models in files), the journeys a replay switched in are still there after
 * a clean restart, and the projection carries on from them. mongo-java-server's own H2 backend failed this: the
 * switch renames the staging collection, and a renamed collection came back empty when the file was reopened, with
 * the processor's token at the head of the store, so every deal was gone for good. And journeys stored by an earlier
 * release (no reopening marks, no recorded format) are replayed by the service on its own at start.
 */
class ReplayRestartEmbeddedTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void journeysSwitchedInByAReplaySurviveACleanRestart() {
        List<DealEvent> first = aDealWonFromQualification("restart-1");
        List<DealEvent> second = aDealWonFromQualification("restart-2");
        try (ConfigurableApplicationContext service = start()) {
            service.getBean(EventStore.class).publish(asMessages(first));
            service.getBean(EventStore.class).publish(asMessages(second));
            await().atMost(WITHIN).untilAsserted(
                    () -> assertThat(journey(service, "restart-2")).isEqualTo(journeyOf(second)));

            service.getBean(ProjectionReplays.class).replay(DealJourneyProjection.PROCESSOR);
            awaitCaughtUp(service);
            assertThat(journey(service, "restart-1")).isEqualTo(journeyOf(first));
        }

        List<DealEvent> third = aDealWonFromQualification("restart-3");
        try (ConfigurableApplicationContext service = start()) {
            assertThat(journey(service, "restart-1")).as("after the restart").isEqualTo(journeyOf(first));
            assertThat(journey(service, "restart-2")).as("after the restart").isEqualTo(journeyOf(second));
            service.getBean(EventStore.class).publish(asMessages(third));
            await().atMost(WITHIN).untilAsserted(
                    () -> assertThat(journey(service, "restart-3")).isEqualTo(journeyOf(third)));
            assertThat(service.getBean(MongoTemplate.class).count(new Query(), DealJourney.class)).isEqualTo(3);
        }
    }

    @Test
    void journeysOfAnEarlierFormatAreReplayedAtStart() {
        List<DealEvent> history = List.of(opened("upgrade-1", "qualification", day(0)),
                lost("upgrade-1", "qualification", "no budget", day(1)),
                reopened("upgrade-1", "qualification", day(1)));
        DealJourney current = journeyOf(history);
        assertThat(current.visits()).extracting(Visit::beganWithReopening).containsExactly(false, true);

        try (ConfigurableApplicationContext service = start()) {
            assertThat(recordedFormat(service)).as("a fresh store").isEqualTo(JourneyStore.FORMAT);
            service.getBean(EventStore.class).publish(asMessages(history));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(journey(service, "upgrade-1")).isEqualTo(current));
            // What an earlier release stored: the same visits without the mark, and no format recorded.
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            mongo.save(withoutMarks(current));
            mongo.remove(new Query(), JourneyStore.FORMATS);
        }

        try (ConfigurableApplicationContext service = start()) {
            await().atMost(WITHIN).untilAsserted(() -> {
                assertThat(journey(service, "upgrade-1")).isEqualTo(current);
                assertThat(recordedFormat(service)).isEqualTo(JourneyStore.FORMAT);
            });
            assertThat(service.getBean(JourneyStore.class).storedInEarlierFormat()).isFalse();
        }
    }

    private static DealJourney withoutMarks(DealJourney journey) {
        List<Visit> visits = journey.visits().stream().map(v -> new Visit(v.stage(), v.enteredAt(), v.exitedAt()))
                .toList();
        return new DealJourney(journey.id(), journey.pipelineId(), journey.owner(), journey.source(),
                journey.segment(), journey.amount(), journey.currency(), journey.status(), journey.stage(),
                journey.openedAt(), journey.closedAt(), journey.lostReason(), visits, null,
                journey.lastTransitionAt(), journey.lastSequence());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QueryServiceApplication.class).run(
                "--spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                "--server.port=0",
                "--pipelens.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("events"));
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext service) {
        StreamingEventProcessor processor = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(DealJourneyProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        JourneyStore journeys = service.getBean(JourneyStore.class);
        await().atMost(WITHIN).until(() -> journeys.replay() == null && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    private static DealJourney journey(ConfigurableApplicationContext service, String id) {
        return service.getBean(MongoTemplate.class).findById(id, DealJourney.class);
    }

    private static Integer recordedFormat(ConfigurableApplicationContext service) {
        Document recorded = service.getBean(MongoTemplate.class).findById(JourneyStore.FORMAT_ID, Document.class,
                JourneyStore.FORMATS);
        return recorded == null ? null : recorded.getInteger("format");
    }
}
