package io.pipelens.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.query.deal.DealJourneyProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Axon's monitors of the query service's processors see live events, not replayed ones. */
@QueryServiceTest
class LiveOnlyMessageMonitorTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MeterRegistry registry;

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
            MessageMonitor<? super EventMessage<?>> monitor =
                    processing.messageMonitor(TrackingEventProcessor.class, processor);
            assertThat(monitor).as(processor).isInstanceOf(LiveOnlyMessageMonitor.class);
            monitor.onMessageIngested(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                    GenericEventMessage.asEventMessage("live"))).reportSuccess();
        }
        // the meters the contract names, and no per-message window behind a capacity gauge
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("eventProcessor.latency")
                .doesNotContain("eventProcessor.capacity");
    }

    @Test
    void theMonitorsAreAxonsContractMetersWithoutAPerMessageCapacityWindow() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MessageMonitor<EventMessage<?>> monitor = LiveOnlyMessageMonitor.axonMonitors("deal-journey", meters);
        for (int i = 0; i < 3; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i)).reportSuccess();
        }

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("eventProcessor.latency", "eventProcessor.successCounter", "eventProcessor.failureCounter")
                .doesNotContain("eventProcessor.capacity");
        Meter successes = meters.find("eventProcessor.successCounter").tag("processorName", "deal-journey")
                .tag("payloadType", "String").meter();
        assertThat(successes).isNotNull();
        assertThat(meters.counter("eventProcessor.successCounter", "payloadType", "String", "processorName",
                "deal-journey").count()).isEqualTo(3.0);
    }

    @Test
    void theLatencyGaugeIsTheAgeOfTheLastEventAndIsRegisteredOnce() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<EventMessage<?>> monitor = LiveOnlyMessageMonitor.axonMonitors("deal-journey", meters);
        long now = clock.wallTime();
        assertThat(meters.find("eventProcessor.latency").gauges()).isEmpty();

        monitor.onMessageIngested(new GenericEventMessage<>("a", "first", MetaData.emptyInstance(),
                Instant.ofEpochMilli(now - 250))).reportSuccess();
        monitor.onMessageIngested(new GenericEventMessage<>("b", "second", MetaData.emptyInstance(),
                Instant.ofEpochMilli(now - 40))).reportSuccess();

        assertThat(meters.find("eventProcessor.latency").gauges()).hasSize(1);
        assertThat(meters.get("eventProcessor.latency").tag("processorName", "deal-journey").gauge().value())
                .isEqualTo(40.0);
        clock.add(Duration.ofMillis(5));
        monitor.onMessageIngested(new GenericEventMessage<>("c", "third", MetaData.emptyInstance(),
                Instant.ofEpochMilli(now - 40))).reportSuccess();
        assertThat(meters.get("eventProcessor.latency").gauge().value()).isEqualTo(45.0);
    }
}
