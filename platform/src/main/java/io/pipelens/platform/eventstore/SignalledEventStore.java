package io.pipelens.platform.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which also tells the other stores of its process when it commits and reads at once
 * when another one did ({@link LocalAppends}), instead of waiting for its next poll.
 */
final class SignalledEventStore extends EmbeddedEventStore {

    private final LocalAppends appends;
    private final Runnable readNow = () -> super.afterCommit(List.of());

    SignalledEventStore(Builder builder, LocalAppends appends) {
        super(builder);
        this.appends = appends;
        appends.subscribe(readNow);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        appends.committed();
    }

    @Override
    public void shutDown() {
        appends.unsubscribe(readNow);
        super.shutDown();
    }
}
