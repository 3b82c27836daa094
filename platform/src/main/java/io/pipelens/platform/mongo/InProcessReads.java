package io.pipelens.platform.mongo;

import java.util.stream.Stream;
import org.bson.Document;

/**
 * The embedded read-model store read from inside its own process, without the wire protocol. Over the wire, every
 * document is decoded from the store, encoded for the answer and decoded again by the driver; at start-up, reading a
 * million deal journeys that way was most of the time the analytic indexes took to build. Present only when the
 * read models live in the embedded store's file; with MongoDB elsewhere, reads go through the driver.
 */
public interface InProcessReads {

    /**
     * Every document of a collection in {@code _id} order, with the values the driver would decode ({@link Document},
     * {@code java.util.Date}, {@code org.bson.types.Decimal128}, …), read a batch at a time from the collection as it
     * then is, like a cursor of the server's; no documents if there is no such collection. Close the stream when done.
     *
     * @throws IllegalStateException while the stream is read, if the collection is dropped or replaced meanwhile
     */
    Stream<Document> documents(String database, String collection);
}
