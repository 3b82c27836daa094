package io.pipelens.query;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * Hands an event processor's live events to Axon's monitors and keeps its replayed ones from them. Axon's dimensional
 * Micrometer monitors look up their timer and counters in the registry for every message, a cost a replay would pay
 * for every historic event; and during a replay they would report the age of historic events as latency. Replayed
 * events are still counted, by {@code pipelens_processor_events}, and the replay's progress has its own gauges.
 */
final class LiveOnlyMessageMonitor implements MessageMonitor<Message<?>> {

    private final MessageMonitor<? super Message<?>> live;

    LiveOnlyMessageMonitor(MessageMonitor<? super Message<?>> live) {
        this.live = live;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        return ReplayToken.isReplay(message) ? NoOpMessageMonitorCallback.INSTANCE : live.onMessageIngested(message);
    }
}
