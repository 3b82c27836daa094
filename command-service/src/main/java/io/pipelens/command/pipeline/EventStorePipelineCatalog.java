package io.pipelens.command.pipeline;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Answers deal commands with a pipeline's current version, read from the pipeline's own events in the event store.
 * Unlike loading the Pipeline aggregate, this takes no lock, so deal commands on different deals of one pipeline do
 * not wait for each other.
 * <p>
 * The folded version is kept together with the sequence number and identifier of the stream's last event. Every
 * question first reads the stream from that sequence number on: when it holds exactly that one event, nothing was
 * appended since, and the kept version is answered without deserializing anything (payloads are read lazily); when a
 * redefinition was appended (or the kept event is gone, as after a rolled-back transaction that had read its own
 * redefinition), the whole stream is folded again. A stale version therefore never answers, so a deal can never enter
 * a stage a redefinition removed.
 * <p>
 * Within one unit of work (one transaction) the answer is read once and kept as a resource of its root: a command
 * that records a deal's whole history asks once, and an import that records a batch of deals in one unit of work
 * asks once per batch. Keeping the answer loses nothing: a command reads the pipeline before it appends, so a
 * redefinition committed in between is not seen by it either way.
 */
@Component
public class EventStorePipelineCatalog implements PipelineCatalog {

    private final EventStore eventStore;
    private final Map<String, Folded> folded = new ConcurrentHashMap<>();
    /** The key of the answers kept in a unit of work; unique per catalog, as a unit of work may see several. */
    private final String readInThisUnitOfWork = getClass().getName() + "@" + System.identityHashCode(this);

    public EventStorePipelineCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<CurrentVersion> current(String pipelineId) {
        if (pipelineId == null) {
            return Optional.empty();
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return fromStore(pipelineId);
        }
        Map<String, Optional<CurrentVersion>> read = CurrentUnitOfWork.get().root()
                .getOrComputeResource(readInThisUnitOfWork, key -> new HashMap<>());
        Optional<CurrentVersion> current = read.get(pipelineId);
        if (current == null) {
            current = fromStore(pipelineId);
            read.put(pipelineId, current);
        }
        return current;
    }

    private Optional<CurrentVersion> fromStore(String pipelineId) {
        String stream = AggregateIds.pipeline(pipelineId);
        Folded kept = folded.get(pipelineId);
        if (kept != null && kept.isLastOf(eventStore.readEvents(stream, kept.lastSequence()))) {
            return kept.current();
        }
        Folded fresh = fold(eventStore.readEvents(stream));
        if (fresh.lastEventId() == null) {
            folded.remove(pipelineId);
        } else {
            folded.put(pipelineId, fresh);
        }
        return fresh.current();
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
