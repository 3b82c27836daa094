package io.pipelens.platform.mongo;

import java.util.stream.Stream;
import org.bson.Document;
import org.bson.codecs.Decoder;

/**
 * The embedded read-model store read from inside its own process, without the wire protocol. Over the wire, every
 * document is decoded from the store, encoded for the answer and decoded again by the driver: at start-up, the
 * encoding and the driver's decoding took about 45% of the samples of a profile of the analytic indexes' build over
 * 1.24 million deal journeys. Present only when the
 * read models live in the embedded store's file; with MongoDB elsewhere, reads go through the driver.
 */
public interface InProcessReads {

    /**
     * Every document of a collection in {@code _id} order, with the values the driver would decode, read a batch at a
     * time from the collection as it then is, like a cursor of the server's; no documents if there is no such
     * collection. Documents, arrays, strings, numbers, booleans, dates, decimals, object ids and nulls are copied
     * into the driver's types ({@link Document}, {@code java.util.Date}, {@code org.bson.types.Decimal128}, …); a
     * document holding any other kind of value is encoded as BSON and decoded by {@code driverDecoder}, the codec
     * the client reads the collection with (so that, say, its UUID representation applies). Close the stream when
     * done.
     *
     * @throws IllegalStateException while the stream is read, if the collection is dropped or replaced meanwhile
     */
    Stream<Document> documents(String database, String collection, Decoder<Document> driverDecoder);
}
