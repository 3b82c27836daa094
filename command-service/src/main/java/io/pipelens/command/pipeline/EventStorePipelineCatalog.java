package io.pipelens.command.pipeline;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.platform.eventstore.EventStoreProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers deal commands with a pipeline's current version, kept in memory per pipeline. Unlike loading the Pipeline
 * aggregate, this takes no lock, so deal commands on different deals of one pipeline do not wait for each other, and
 * a deal command reads nothing of the pipeline's stream while its kept version is fresh.
 * <p>
 * A version is folded from the pipeline's events the first time a pipeline is asked for (so nothing needs loading at
 * start-up, and a restart answers what the store holds), and kept with the sequence number and identifier of the
 * stream's last event. It is kept fresh two ways:
 * <ul>
 *   <li>on the write path: when a definition or redefinition through this service commits, {@link PipelineWrites}
 *   marks the pipeline's kept version stale, so every command that starts after the redefinition was answered reads
 *   the new version;</li>
 *   <li>against the store, for redefinitions through another command-service instance: a kept version is trusted for
 *   {@code pipelens.event-store.fetch-delay} after it was last read, the interval at which every service polls for
 *   what another process appended. After that, the next question reads the stream from the kept sequence number on:
 *   when it holds exactly the kept event, the version is trusted again without deserializing anything; otherwise the
 *   stream is folded again. So a deal command re-reads at most once per fetch delay per pipeline, not once per
 *   command, and another instance's redefinition applies here within one fetch delay.</li>
 * </ul>
 * A new fold read inside a unit of work is kept for other commands only once that unit of work commits: it may have
 * read a redefinition written in the same unit of work, which a rollback would take back. A check that finds the kept
 * fold unchanged is kept at once. Within one unit of work the
 * answer is read once and kept as a resource of its root: a command that records a deal's whole history asks once,
 * and an import that records a batch of deals in one unit of work asks once per batch.
 * <p>
 * The version a command was judged against is the one answered here; the deal events record it (see
 * {@code StageRules}).
 */
@Component
public class EventStorePipelineCatalog implements PipelineCatalog {

    private final EventStore eventStore;
    private final long trustNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /**
     * When each pipeline was last defined or redefined through this service, kept apart from {@link #kept} so that a
     * fold still under way when the write commits (nothing kept yet, as after a restart) is not trusted either.
     */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    /** The key of the answers kept in a unit of work; unique per catalog, as a unit of work may see several. */
    private final String readInThisUnitOfWork = getClass().getName() + "@" + System.identityHashCode(this);

    @Autowired
    public EventStorePipelineCatalog(EventStore eventStore, EventStoreProperties properties) {
        this(eventStore, properties.fetchDelay(), System::nanoTime);
    }

    /** A catalog that trusts a kept version for {@code trustFor} after reading it, by the clock {@code nanoTime}. */
    EventStorePipelineCatalog(EventStore eventStore, Duration trustFor, LongSupplier nanoTime) {
        this.eventStore = eventStore;
        this.trustNanos = trustFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<CurrentVersion> current(String pipelineId) {
        if (pipelineId == null) {
            return Optional.empty();
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return known(pipelineId);
        }
        Map<String, Optional<CurrentVersion>> read = CurrentUnitOfWork.get().root()
                .getOrComputeResource(readInThisUnitOfWork, key -> new HashMap<>());
        Optional<CurrentVersion> current = read.get(pipelineId);
        if (current == null) {
            current = known(pipelineId);
            read.put(pipelineId, current);
        }
        return current;
    }

    /**
     * Marks the kept version of {@code pipelineId} stale: a definition or redefinition of it has just committed, so
     * the next question reads the store. A fold whose read began before this is not trusted either.
     */
    void changed(String pipelineId) {
        long now = nanoTime.getAsLong();
        changedAt.merge(pipelineId, now, (earlier, later) -> later - earlier > 0 ? later : earlier);
    }

    private Optional<CurrentVersion> known(String pipelineId) {
        long now = nanoTime.getAsLong();
        Kept known = kept.get(pipelineId);
        if (known != null && known.trustedAt(now, trustNanos, changedAt.get(pipelineId))) {
            return known.folded().current();
        }
        Folded fresh = read(pipelineId, known);
        keep(pipelineId, fresh, known != null && fresh == known.folded(), now);
        return fresh.current();
    }

    private Folded read(String pipelineId, Kept known) {
        String stream = AggregateIds.pipeline(pipelineId);
        if (known != null && known.folded().isLastOf(eventStore.readEvents(stream, known.folded().lastSequence()))) {
            return known.folded();
        }
        return fold(eventStore.readEvents(stream));
    }

    /**
     * Keeps {@code fresh} for other commands: at once when it is the kept fold {@code confirmed} (the stream holds
     * nothing after it, staged or committed), or read outside a unit of work; else once the unit of work commits.
     */
    private void keep(String pipelineId, Folded fresh, boolean confirmed, long readAt) {
        if (fresh.lastEventId() == null) {
            return;
        }
        if (!confirmed && CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.afterCommit(committed -> merge(pipelineId, fresh, readAt));
        } else {
            merge(pipelineId, fresh, readAt);
        }
    }

    private void merge(String pipelineId, Folded fresh, long readAt) {
        kept.merge(pipelineId, new Kept(fresh, readAt), (old, read) -> old.updatedBy(read));
    }

    private static Folded fold(DomainEventStream events) {
        PipelineHistory history = new PipelineHistory();
        long lastSequence = -1;
        String lastEventId = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Object payload = message.getPayload();
            if (payload instanceof PipelineDefinedEvent defined) {
                history.apply(defined);
            } else if (payload instanceof PipelineRedefinedEvent redefined) {
                history.apply(redefined);
            }
            lastSequence = message.getSequenceNumber();
            lastEventId = message.getIdentifier();
        }
        Optional<CurrentVersion> current = history.isDefined()
                ? Optional.of(new CurrentVersion(history.currentVersion(), history.current()))
                : Optional.empty();
        return new Folded(current, lastSequence, lastEventId);
    }

    /** A folded version and when its read began ({@code readAt}). */
    private record Kept(Folded folded, long readAt) {

        /**
         * Trusted when read within the trust interval and begun after the pipeline's last write through this service
         * ({@code changedAt}, null when none): a read begun before that write may have missed it.
         */
        boolean trustedAt(long now, long trustNanos, Long changedAt) {
            return (changedAt == null || readAt - changedAt > 0) && now - readAt < trustNanos;
        }

        /** This, updated by a later read: the fold further along the stream wins (reads may finish out of order). */
        Kept updatedBy(Kept read) {
            Folded newer = read.folded().lastSequence() >= folded.lastSequence() ? read.folded() : folded;
            return new Kept(newer, Math.max(readAt, read.readAt()));
        }
    }

    /** A pipeline's current version, as folded from its stream up to the event named. */
    private record Folded(Optional<CurrentVersion> current, long lastSequence, String lastEventId) {

        /** True when {@code tail} (the stream from {@link #lastSequence} on) is exactly the event this was folded to. */
        boolean isLastOf(Iterator<? extends DomainEventMessage<?>> tail) {
            if (!tail.hasNext()) {
                return false;
            }
            DomainEventMessage<?> last = tail.next();
            return last.getSequenceNumber() == lastSequence && last.getIdentifier().equals(lastEventId)
                    && !tail.hasNext();
        }
    }
}
