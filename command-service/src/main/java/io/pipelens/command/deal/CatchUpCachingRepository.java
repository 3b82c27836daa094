package io.pipelens.command.deal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

/**
 * An event-sourcing repository that keeps the aggregates it loaded in memory, and on each load reads from the event
 * store only the events appended after the kept version, instead of the whole stream. Loading a kept aggregate costs
 * one query that usually finds nothing, with no deserialization, no snapshot lookup and no new aggregate instance.
 * <p>
 * Axon's {@code CachingEventSourcingRepository} trusts a cached aggregate without reading the store: with several
 * command-service instances on one store, an instance would then decide on a deal as it was before another instance's
 * change, and a command that appends nothing (a refusal, a duplicate) would never notice. Here every load catches up
 * with what the store holds at that moment, so a kept aggregate answers as one sourced from the whole stream would.
 * A race with another instance between that read and the append is refused by the store's unique (aggregate,
 * sequence) index, as without the cache.
 * <p>
 * A kept aggregate is changed in place by the commands handled on it, so it is dropped whenever the unit of work that
 * loaded or saved it rolls back (a refused command, a lost race, a dry run): the next load then reads the whole stream.
 * Axon's per-aggregate lock keeps two units of work of this process from using one kept aggregate at once. At most
 * {@code capacity} aggregates are kept, the least recently used dropped first.
 */
public class CatchUpCachingRepository<T> extends EventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Map<String, EventSourcedAggregate<T>> kept;

    protected CatchUpCachingRepository(Builder<T> builder) {
        super(builder);
        this.eventStore = builder.store();
        int capacity = builder.capacity;
        this.kept = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EventSourcedAggregate<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    public static <T> Builder<T> builder(Class<T> aggregateType) {
        return new Builder<>(aggregateType);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> aggregate = take(aggregateIdentifier);
        if (aggregate == null) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, aggregate.version() + 1);
        if (newer.hasNext()) {
            if (newer.peek().getSequenceNumber() != aggregate.version() + 1) {
                return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            }
            aggregate.initializeState(newer);
        }
        return aggregate;
    }

    /**
     * A deal opened or recorded from history comes through here, not through {@link #validateOnLoad}: within one root
     * unit of work the second use of a deal finds it in Axon's own map, so only this entry point sees a nested unit of
     * work that changes it and rolls back.
     */
    @Override
    public Aggregate<T> loadOrCreate(String aggregateIdentifier, Callable<T> factoryMethod) {
        CurrentUnitOfWork.get().onRollback(u -> drop(aggregateIdentifier));
        return super.loadOrCreate(aggregateIdentifier, factoryMethod);
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        String identifier = aggregate.identifierAsString();
        CurrentUnitOfWork.get().onRollback(u -> drop(identifier));
        super.validateOnLoad(aggregate, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        String identifier = aggregate.identifierAsString();
        CurrentUnitOfWork.get().onRollback(u -> drop(identifier));
        if (aggregate.version() != null) {
            keep(identifier, aggregate);
        }
    }

    /** The kept aggregate, taken out: a load that fails part-way must not leave it behind half caught up. */
    private EventSourcedAggregate<T> take(String identifier) {
        synchronized (kept) {
            return kept.remove(identifier);
        }
    }

    private void keep(String identifier, EventSourcedAggregate<T> aggregate) {
        synchronized (kept) {
            kept.put(identifier, aggregate);
        }
    }

    private void drop(String identifier) {
        synchronized (kept) {
            kept.remove(identifier);
        }
    }

    /** How many aggregates are kept now. */
    int keptCount() {
        synchronized (kept) {
            return kept.size();
        }
    }

    /** Builds a {@link CatchUpCachingRepository}; {@link #capacity} is required besides Axon's own settings. */
    public static class Builder<T> extends EventSourcingRepository.Builder<T> {

        private int capacity = -1;

        protected Builder(Class<T> aggregateType) {
            super(aggregateType);
        }

        /** The most aggregates kept in memory at once; at least 1. */
        public Builder<T> capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        private EventStore store() {
            return eventStore;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends EventSourcingRepository<T>> R build() {
            return (R) new CatchUpCachingRepository<>(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
            }
        }
    }
}
