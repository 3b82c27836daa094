package io.pipelens.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.deal.DealJourneyProjection;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Axon's monitors of the query service's processors see live events, not replayed ones. */
@QueryServiceTest
class LiveOnlyMessageMonitorTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void liveEventsReachTheMonitorAndReplayedOnesDoNot() {
        List<Message<?>> seen = new ArrayList<>();
        MessageMonitor<Message<?>> axon = message -> {
            seen.add(message);
            return NoOpMessageMonitorCallback.INSTANCE;
        };
        LiveOnlyMessageMonitor monitor = new LiveOnlyMessageMonitor(axon);
        TrackingToken head = new GlobalSequenceTrackingToken(10);
        var live = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(11),
                GenericEventMessage.asEventMessage("live"));
        var replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(head, new GlobalSequenceTrackingToken(3)),
                GenericEventMessage.asEventMessage("replayed"));

        monitor.onMessageIngested(live);
        monitor.onMessageIngested(replayed);

        assertThat(seen).containsExactly(live);
    }

    @Test
    void everyProcessorOfTheServiceHasIt() {
        // Every processor the service runs, so one added without registering the monitor fails here.
        assertThat(processing.eventProcessors()).containsKey(DealJourneyProjection.PROCESSOR);
        for (String processor : processing.eventProcessors().keySet()) {
            assertThat(processing.messageMonitor(TrackingEventProcessor.class, processor))
                    .as(processor).isInstanceOf(LiveOnlyMessageMonitor.class);
        }
    }
}
