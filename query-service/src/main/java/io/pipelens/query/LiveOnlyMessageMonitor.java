package io.pipelens.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * Hands an event processor's live events to Axon's monitors and keeps its replayed ones from them. Axon's dimensional
 * Micrometer monitors look up their timer and counters in the registry for every message, a cost a replay would pay
 * for every historic event; and during a replay they would report the age of historic events as latency. Replayed
 * events are still counted, by {@code pipelens_processor_events}, and the replay's progress has its own gauges.
 */
final class LiveOnlyMessageMonitor implements MessageMonitor<Message<?>> {

    /** The prefix of Axon's event-processor meters ({@code eventProcessor_latency}, …). */
    static final String METER_PREFIX = "eventProcessor";

    private final MessageMonitor<? super EventMessage<?>> live;

    LiveOnlyMessageMonitor(MessageMonitor<? super EventMessage<?>> live) {
        this.live = live;
    }

    /**
     * The monitors Axon's dimensional Micrometer module gives an event processor, with the same meter names and tags,
     * less its capacity monitor: that one keeps every message's handling time for ten minutes in a sorted map, about
     * 85 bytes a message per processor. A catch-up over 809,598 events held 2.4 million entries (200 MB) for a gauge
     * no dashboard reads; an import of millions of events would hold gigabytes.
     */
    static MessageMonitor<EventMessage<?>> axonMonitors(String processor, MeterRegistry registry) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(METER_PREFIX, registry, message -> tags(processor, message)),
                new LatencyGauge(processor, registry),
                MessageCountingMonitor.buildMonitor(METER_PREFIX, registry, message -> tags(processor, message))));
    }

    /**
     * {@code eventProcessor.latency}: the age of the last event the processor was handed, in milliseconds, as Axon's
     * {@code EventProcessorLatencyMonitor} reports it, and like it absent until the first live event (an alert on it
     * then sees no data rather than 0). Axon's registers its gauge again for every message, which Micrometer answers
     * with a registry lookup per event and a warning in the log; this one registers it once.
     */
    static final class LatencyGauge implements MessageMonitor<EventMessage<?>> {

        private final AtomicLong latency = new AtomicLong();
        private final String processor;
        private final MeterRegistry registry;
        private volatile boolean registered;

        LatencyGauge(String processor, MeterRegistry registry) {
            this.processor = processor;
            this.registry = registry;
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            latency.set(registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli());
            if (!registered) {
                registered = true;
                Gauge.builder(METER_PREFIX + ".latency", latency::get).tags("processorName", processor)
                        .register(registry);
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }

    private static Tags tags(String processor, Message<?> message) {
        return Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", processor);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        // an event processor's monitor: every message it is handed is an event
        return ReplayToken.isReplay(message) ? NoOpMessageMonitorCallback.INSTANCE
                : live.onMessageIngested((EventMessage<?>) message);
    }
}
