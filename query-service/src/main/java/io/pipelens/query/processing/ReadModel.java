package io.pipelens.query.processing;

/**
 * The documents of one projection, as its event handlers see them: read one, fold the event into it, put it back.
 * Calls belong to the unit of work of the event being handled, and everything about how the documents are read and
 * written (batches, write-behind lanes, replays into staging) is the implementation's ({@link BatchedReadModel}).
 *
 * @param <D> the document type
 */
public interface ReadModel<D> {

    /** The document with {@code id} as the current batch of events left it, or null if there is none yet. */
    D get(String id);

    /** Keeps {@code document} in place of the one with its id; it is written with the rest of the batch. */
    void put(D document);

    /** Starts the documents again from nothing, for a replay: called by the projection's reset handler. */
    void reset();
}
