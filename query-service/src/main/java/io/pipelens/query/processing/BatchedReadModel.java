package io.pipelens.query.processing;

import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A {@link ReadModel} under one tracking processor, read and written in {@linkplain DocumentBatch batches}: one read
 * when a batch starts and one bulk write at its last message, handed to the {@link WriteBehind} lane of the batch's
 * segment. While the {@link Store} rebuilds for a replay, a batch's write goes on behind the processor (nothing reads
 * the rebuilt documents until every segment's token, stored after its writes, has reached the end); otherwise the
 * batch waits for it, so a position the processor reports is readable. The write at the last message, and the report
 * of the position it reached ({@link Store#handledUpTo}), are made by {@link DocumentBatch#flushAllIfLast}, which
 * Pipelens runs after every message of every processor.
 *
 * <p>Several instances may share the processor's segments, so a batch may meet a document another instance wrote,
 * which a store that skips ids it never wrote leaves out of the batch's read: an event that cannot be its document's
 * first asks the store for it again, by itself.
 *
 * @param <D> the document type
 */
public final class BatchedReadModel<D> implements ReadModel<D> {

    private final Store<D> store;
    private final WriteBehind<D> writes;
    private final Function<D, String> idOf;
    private final Function<Object, String> idOfPayload;
    private final Predicate<Object> mayComeFirst;
    private final String batchKey;
    private final String segmentKey;
    private final LongConsumer handledUpTo;

    /**
     * @param processor    the tracking processor whose handlers use this read model
     * @param writes       the lanes of the processor's segments, whose token store is a {@link WriteBehindTokenStore}
     * @param idOf         a document's {@code _id}
     * @param idOfPayload  the id of the document an event payload touches, or null for payloads that touch none
     * @param mayComeFirst whether an event payload may be the first of its document (one that creates it)
     */
    public BatchedReadModel(String processor, Store<D> store, WriteBehind<D> writes, Function<D, String> idOf,
                            Function<Object, String> idOfPayload, Predicate<Object> mayComeFirst) {
        this.store = store;
        this.writes = writes;
        this.idOf = idOf;
        this.idOfPayload = idOfPayload;
        this.mayComeFirst = mayComeFirst;
        this.batchKey = BatchedReadModel.class.getName() + "[" + processor + "]";
        this.segmentKey = segmentResource(processor);
        this.handledUpTo = store::handledUpTo;
    }

    /** Where Axon's tracking processor puts the segment of a batch among the unit of work's resources. */
    public static String segmentResource(String processor) {
        return "Processor[" + processor + "]/SegmentId";
    }

    @Override
    public D get(String id) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        DocumentBatch<D> batch = batch(unitOfWork);
        D document = batch.get(id);
        if (document == null && !mayComeFirst.test(unitOfWork.getMessage().getPayload())) {
            document = batch.reload(id);
        }
        return document;
    }

    @Override
    public void put(D document) {
        batch(CurrentUnitOfWork.get()).put(idOf.apply(document), document);
    }

    /** Axon fetched the tokens before this (the lanes saw the live positions) and stores the replay's after it. */
    @Override
    public void reset() {
        writes.forgetStoredPositions();
        store.reset();
    }

    private DocumentBatch<D> batch(UnitOfWork<?> unitOfWork) {
        Integer segment = unitOfWork.root().getResource(segmentKey);
        return DocumentBatch.of(unitOfWork, batchKey, store, idOfPayload,
                segment == null ? null : writes.lane(segment), store.replaying(), handledUpTo);
    }

    /** Where the documents live, and how a replay rebuilds them. */
    public interface Store<D> extends DocumentBatch.DocumentStore<D> {

        /** True while a replay rebuilds the documents out of the queries' sight: batches are then written behind. */
        boolean replaying();

        /**
         * The processor handled every event up to {@code position}, for a replay's progress: their documents may still
         * be on their way behind it.
         */
        void handledUpTo(long position);

        /** Starts a replay. */
        void reset();
    }
}
