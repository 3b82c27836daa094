package io.pipelens.query.deal;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.QueryServiceTest;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The processor's token must not get ahead of the read model. MongoDB takes no part in the event store's SQL
 * transaction, so a token stored when a batch starts (Axon's choice when a transaction manager is configured) would
 * outlive a batch whose writes then fail, or a process killed mid-batch: the retry, or the restart, would skip the
 * batch's events for good. Here the journeys' write fails once; the batch must be handled again.
 */
@QueryServiceTest
class ProjectionFailureTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @MockitoSpyBean
    private JourneyStore journeys;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aBatchWhoseWriteFailsIsHandledAgainNotSkipped() {
        TrackingEventProcessor processor = processing.eventProcessor(DealJourneyProjection.PROCESSOR,
                TrackingEventProcessor.class).orElseThrow();
        await().atMost(WITHIN).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        // Stubbing a spy that another thread calls is not supported by Mockito: the processor is stopped around the
        // stubbing (stopping waits for a batch in hand), so no batch of another test's events can be handled then.
        processor.shutDown();
        doThrow(new IllegalStateException("the read-model store is unavailable")).doCallRealMethod()
                .when(journeys).upsertAll(anyCollection());
        processor.start();
        List<DealEvent> history = aDealWonFromQualification("failure-won");

        eventStore.publish(asMessages(history));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(mongo.findById("failure-won", DealJourney.class))
                .as("the journey, once the failed batch was handled again").isEqualTo(journeyOf(history)));
        verify(journeys, atLeast(2)).upsertAll(anyCollection());
    }
}
