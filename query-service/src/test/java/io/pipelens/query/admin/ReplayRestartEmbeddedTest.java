package io.pipelens.query.admin;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.QueryServiceApplication;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 * the processor's token at the head of the store, so every deal was gone for good.
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
}
