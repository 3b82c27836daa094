package io.pipelens.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events staged in a unit of work are found as Axon's own event store finds them: an aggregate loaded within the
 * unit of work, or a nested one, sees its staged events after its stored ones, root first, and none of a nested unit
 * that rolled back.
 */
class SignalledEventStoreTest {

    private final SignalledEventStore store = new SignalledEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()), null);

    @AfterEach
    void closeUnitsAndStore() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
        store.shutDown();
    }

    @Test
    void anAggregateLoadedInANestedUnitSeesItsStoredThenItsStagedEventsRootFirst() {
        store.publish(event("deal-a", 0), event("deal-b", 0));

        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        DomainEventMessage<?> a1 = event("deal-a", 1);
        DomainEventMessage<?> b1 = event("deal-b", 1);
        store.publish(a1, b1);
        UnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("deal-a", 2));
        refused.rollback();
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        DomainEventMessage<?> a2 = event("deal-a", 2);
        store.publish(a2);

        assertThat(sequences(store.readEvents("deal-a").asStream().toList())).containsExactly(0L, 1L, 2L);
        assertThat(List.<Object>copyOf(store.readEvents("deal-a").asStream().skip(1).toList())).containsExactly(a1, a2);
        assertThat(sequences(store.readEvents("deal-b").asStream().toList())).containsExactly(0L, 1L);
        assertThat(sequences(store.readEvents("deal-c").asStream().toList())).isEmpty();

        nested.commit();
        assertThat(List.<Object>copyOf(store.readEvents("deal-a").asStream().skip(1).toList())).containsExactly(a1, a2);
        root.commit();
        assertThat(sequences(store.readEvents("deal-a").asStream().toList())).containsExactly(0L, 1L, 2L);
    }

    @Test
    void whatAnAggregateLoadSeesInEveryPhaseOfNestedUnitsIsWhatAxonsOwnStoreSees() {
        assertThat(loadsDuringNestedUnits(store)).isEqualTo(loadsDuringNestedUnits(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build()));
    }

    /**
     * The events of deal-a a load finds at each step: within a root unit and a nested one, while the nested one
     * prepares its commit (its events then staged in both), after it commits, while a second nested one rolls back.
     */
    private static List<String> loadsDuringNestedUnits(EmbeddedEventStore eventStore) {
        List<String> seen = new ArrayList<>();
        Runnable load = () -> seen.add(eventStore.readEvents("deal-a").asStream()
                .map(e -> String.valueOf(e.getPayload())).toList().toString());
        try {
            eventStore.publish(event("deal-a", 0));
            UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(event("deal-a", 1), event("deal-b", 0));
            load.run();
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(event("deal-a", 2));
            nested.onPrepareCommit(u -> load.run());
            nested.afterCommit(u -> load.run());
            load.run();
            nested.commit();
            load.run();
            UnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(event("deal-a", 3));
            refused.onRollback(u -> load.run());
            refused.rollback();
            load.run();
            root.commit();
            load.run();
            return seen;
        } finally {
            while (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().rollback();
            }
            eventStore.shutDown();
        }
    }

    @Test
    void outsideAUnitOfWorkNothingIsStaged() {
        store.publish(event("deal-a", 0));
        assertThat(sequences(store.readEvents("deal-a").asStream().toList())).containsExactly(0L);
    }

    private static DomainEventMessage<?> event(String deal, long sequence) {
        return new GenericDomainEventMessage<>("Deal", deal, sequence, deal + "#" + sequence);
    }

    private static List<Long> sequences(List<? extends EventMessage<?>> events) {
        List<Long> sequences = new ArrayList<>();
        events.forEach(e -> sequences.add(((DomainEventMessage<?>) e).getSequenceNumber()));
        return sequences;
    }
}
