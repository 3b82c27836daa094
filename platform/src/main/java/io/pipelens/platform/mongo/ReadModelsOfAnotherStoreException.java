package io.pipelens.platform.mongo;

/** The read models and tokens in MongoDB do not belong to the event store in use: see {@link ReadModelOrigin}. */
public class ReadModelsOfAnotherStoreException extends IllegalStateException {

    public ReadModelsOfAnotherStoreException(String message) {
        super(message);
    }
}
