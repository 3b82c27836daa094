package io.pipelens.query.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The documents a projection touches within one batch of events, keyed by {@code _id}. The documents of the whole
 * batch are loaded with one query when the batch starts and written with one bulk write at its last message, so the
 * cost per event is a map lookup. The write happens inside the batch, before the processor stores its token (which
 * it does when the batch commits, see {@code ProcessingConfiguration}): if the write fails, or the process dies, the
 * token does not move and the batch is processed again (writes are idempotent upserts).
 *
 * <p>A batch may instead hand its write to a {@link WriteBehind} lane and let the processor go on: the token is then
 * stored after the write by the processor's {@link WriteBehindTokenStore}, so the same holds.
 *
 * <p>The last message of a batch need not reach the projection's handler (another projection's event, another
 * segment's deal), so the batch is written by {@link #flushAllIfLast}, which runs after every message as a handler
 * interceptor. Projections do not use batches directly: they read and write a {@link ReadModel}, which
 * {@link BatchedReadModel} implements with them.
 *
 * @param <T> the document type
 */
public final class DocumentBatch<T> {

    private final Map<String, T> documents = new HashMap<>();
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, T> changed = new LinkedHashMap<>();
    private final DocumentStore<T> store;
    private final WriteBehind<T>.Lane lane;
    private final boolean behind;
    private final LongConsumer handledUpTo;

    private DocumentBatch(DocumentStore<T> store, WriteBehind<T>.Lane lane, boolean behind,
                          LongConsumer handledUpTo) {
        this.store = store;
        this.lane = lane;
        this.behind = behind;
        this.handledUpTo = handledUpTo;
    }

    /**
     * The batch of the current unit of work, started (and prefetched) on first use. {@code idOf} extracts the
     * document id from an event payload, or returns null for payloads that touch no document.
     */
    public static <T> DocumentBatch<T> of(UnitOfWork<?> unitOfWork, String resourceKey, DocumentStore<T> store,
                                          Function<Object, String> idOf) {
        return of(unitOfWork, resourceKey, store, idOf, null, false, null);
    }

    /**
     * The batch of the current unit of work, its writes handed to {@code lane}: behind the processor if
     * {@code behind}, else waited for at the batch's last message. Reads see the lane's writes not yet written.
     * Without a lane, the batch writes on the processor's thread. {@code handledUpTo} learns the position of the
     * batch's last message once its write is handed on ({@link #flushAllIfLast}).
     */
    static <T> DocumentBatch<T> of(UnitOfWork<?> unitOfWork, String resourceKey, DocumentStore<T> store,
                                   Function<Object, String> idOf, WriteBehind<T>.Lane lane, boolean behind,
                                   LongConsumer handledUpTo) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(resourceKey, key -> {
            DocumentBatch<T> batch = new DocumentBatch<>(store, lane, behind, handledUpTo);
            if (root instanceof BatchingUnitOfWork<?> batching) {
                List<String> ids = new ArrayList<>();
                for (Message<?> message : batching.getMessages()) {
                    String id = idOf.apply(message.getPayload());
                    if (id != null) {
                        ids.add(id);
                    }
                }
                batch.load(ids.stream().distinct().toList());
            }
            // Only a safety net: it runs after the processor's own prepare-commit step, which stores the token.
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    /** The document with {@code id} as the batch sees it (with earlier changes of this batch), or null. */
    public T get(String id) {
        if (!loaded.contains(id)) {
            load(List.of(id));
        }
        return documents.get(id);
    }

    /**
     * The document with {@code id} as the store holds it, asked for by itself: for a document the batch's first read
     * was told to skip (see {@link DocumentStore#loadExactly}). Null if the store has none.
     */
    public T reload(String id) {
        T stored = lane == null ? null : lane.unwritten(List.of(id)).get(id);
        if (stored == null) {
            stored = store.loadExactly(List.of(id)).get(id);
        }
        if (stored != null) {
            documents.put(id, stored);
        }
        loaded.add(id);
        return stored;
    }

    private void load(List<String> ids) {
        if (lane == null) {
            documents.putAll(store.load(ids));
        } else {
            // The lane first: a document it still holds is being written, and the store may not have it yet. One the
            // lane no longer holds has been written, so the store has it.
            Map<String, T> unwritten = lane.unwritten(ids);
            documents.putAll(unwritten);
            documents.putAll(store.load(unwritten.isEmpty() ? ids
                    : ids.stream().filter(id -> !unwritten.containsKey(id)).toList()));
        }
        loaded.addAll(ids);
    }

    public void put(String id, T document) {
        documents.put(id, document);
        changed.put(id, document);
    }

    /**
     * Writes the batch's changes when {@code unitOfWork} is at its last message (or is not a batch at all); true if
     * it was.
     */
    public boolean flushIfLast(UnitOfWork<?> unitOfWork) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            flush();
            return true;
        }
        return false;
    }

    /**
     * Writes the changes of every batch of {@code unitOfWork} if it is at its last message (or is not a batch at all),
     * and tells each batch that asked for it the position of that message.
     */
    public static void flushAllIfLast(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching && !batching.isLastMessage()) {
            return;
        }
        OptionalLong position = unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position() : OptionalLong.empty();
        for (Object resource : unitOfWork.root().resources().values()) {
            if (resource instanceof DocumentBatch<?> batch) {
                batch.flush();
                if (batch.handledUpTo != null && position.isPresent()) {
                    batch.handledUpTo.accept(position.getAsLong());
                }
            }
        }
    }

    void flush() {
        if (changed.isEmpty()) {
            return;
        }
        if (lane == null) {
            store.upsertAll(changed.values());
            changed.clear();
            return;
        }
        List<T> documents = List.copyOf(changed.values());
        changed.clear();
        lane.write(documents, store::upsertAll);
        if (!behind) {
            lane.drain();
        }
    }


    /** Loads and writes documents of one collection by {@code _id}. */
    public interface DocumentStore<T> {

        /** The stored documents among {@code ids}; a store may leave out ids it knows it never wrote. */
        Map<String, T> load(Collection<String> ids);

        /** The stored documents among {@code ids}, every one of them asked for. */
        default Map<String, T> loadExactly(Collection<String> ids) {
            return load(ids);
        }

        void upsertAll(Collection<T> documents);
    }
}
