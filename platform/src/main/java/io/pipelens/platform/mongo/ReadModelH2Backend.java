package io.pipelens.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.codecs.Decoder;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with data types fit for read models. The stock backend keeps documents and index keys
 * in MVStore maps typed by H2's {@code ObjectDataType}, which falls back to Java serialization for both: an index key
 * ({@link KeyValue}) is not {@code Comparable}, so every comparison in the {@code _id} index's B-tree serializes both
 * keys through {@code ObjectOutputStream}, about forty times per lookup. Here index keys compare in MongoDB's value
 * order ({@link KeyValueDataType}) and documents are stored as BSON ({@link BsonDocumentDataType}). The wire protocol,
 * the query engine and the collections are mongo-java-server's own.
 *
 * <p>Files written this way cannot be read by the stock backend, nor the other way round: the store carries a format
 * marker, and a file without it (or with another) is deleted at start. It holds only read models and tokens, which
 * the projections rebuild from the event store.
 */
public class ReadModelH2Backend extends H2Backend {

    /** Bumped whenever the stored form of keys or documents changes. */
    static final String FORMAT = "pipelens-read-models-2";
    private static final String FORMAT_MAP = "pipelens.format";
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    private static final Logger log = LoggerFactory.getLogger(ReadModelH2Backend.class);

    private ReadModelH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the store in {@code file}, deleting a file of another format first.
     *
     * @param cacheMegabytes MVStore's page cache: pages outside it are read back and decoded on every access
     */
    public static ReadModelH2Backend open(Path file, int cacheMegabytes) {
        MVStore store = openStore(file, cacheMegabytes);
        Map<String, String> format = store.openMap(FORMAT_MAP);
        if (!FORMAT.equals(format.get("format"))) {
            boolean holdsData = store.getMapNames().stream().anyMatch(name -> name.startsWith(DATABASES_PREFIX));
            if (holdsData) {
                log.warn("{} was written in another format ({}): it is deleted and every projection is rebuilt from "
                        + "the event store", file, format.getOrDefault("format", "mongo-java-server's own"));
                store.closeImmediately();
                deleteFile(file);
                store = openStore(file, cacheMegabytes);
                format = store.openMap(FORMAT_MAP);
            }
            format.put("format", FORMAT);
            store.commit();
        }
        return new ReadModelH2Backend(store);
    }

    private static MVStore openStore(Path file, int cacheMegabytes) {
        return new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the embedded read-model store " + file, e);
        }
    }

    /** The cursors the server holds open: each a client has not read to its end nor closed. */
    int openCursors() {
        return getCursorRegistry().size();
    }

    /** A collection's documents read within the process: see {@link InProcessReads#documents}. */
    public Stream<org.bson.Document> documents(String database, String collection,
                                              Decoder<org.bson.Document> driverDecoder) {
        MongoCollection<?> found = resolveDatabase(database).resolveCollection(collection, false);
        if (found == null) {
            return Stream.empty();
        }
        if (!(found instanceof ReadModelCollection readModels)) {
            throw new IllegalStateException("collection " + found.getFullName() + " is not one this backend opened");
        }
        return readModels.driverDocuments(driverDecoder);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new ReadModelDatabase(databaseName);
    }

    /**
     * An {@link H2Database} whose collections and unique indexes open their maps with the read-model data types.
     * An inner class: {@link H2Database}'s constructor already opens the existing collections through the overrides
     * below, before any field of this class is set, so they reach the store through the enclosing backend.
     */
    private final class ReadModelDatabase extends H2Database {

        ReadModelDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATABASES_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentDataType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new ReadModelCollection(this, collectionName, options, data, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE));
            return new MapUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * Renames the collection's maps with it. {@link H2Database} looks them up by the new name once the collection
         * is renamed, so it renames nothing: the collection works until the file is closed, and is empty after it is
         * reopened (its documents and index left under the old name). That loses the deal journeys a replay switched
         * in with {@code renameCollection}. Here the maps H2Database opened under the new name (empty) are removed and
         * the collection's own data, meta and index maps take the new name.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldName = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newName = collection.getFullName();
            MVStore store = getMvStore();
            rename(store, DATABASES_PREFIX + oldName, DATABASES_PREFIX + newName);
            rename(store, META_PREFIX + oldName, META_PREFIX + newName);
            String oldIndexes = oldName + INDEX_INFIX;
            for (String map : List.copyOf(store.getMapNames())) {
                if (map.startsWith(oldIndexes)) {
                    rename(store, map, newName + INDEX_INFIX + map.substring(oldIndexes.length()));
                }
            }
        }

        private static void rename(MVStore store, String from, String to) {
            if (from.equals(to) || !store.hasMap(from)) {
                return;
            }
            if (store.hasMap(to)) {
                store.removeMap(to);
            }
            store.renameMap(store.openMap(from), to);
        }
    }

    /**
     * An {@link H2Collection} whose scans stream, and whose pages in {@code _id} order read only as far as they need.
     * mongo-java-server answers a find by matching every document first and
     * keeping all it matched in the cursor, so a scan of a million journeys (the analytic indexes' build at start-up)
     * holds a million decoded documents at once, gigabytes. A find that no index of the collection can answer, with no
     * sort, skip, limit or projection, and a batch size, instead reads its documents in key order a batch at a time,
     * each batch from the map as it then is, as a MongoDB cursor does: a document written ahead of where the cursor
     * stands is seen as it is when the cursor reaches it, and none is returned twice. A find sorted by {@code _id}
     * ascending with a limit, as the deals list asks for a page, reads the map in key order from where the page starts
     * and stops at the limit ({@link #firstInIdOrder}). A cursor whose collection is
     * dropped, or replaced by another renamed onto it, fails its next batch, as MongoDB's does (a collection renamed
     * away keeps its documents, and its cursors read on). Every other find is mongo-java-server's own.
     */
    static final class ReadModelCollection extends H2Collection {

        /** The batch of a {@code getMore} that names none; MongoDB's own default is bounded by 16 MB instead. */
        private static final int DEFAULT_BATCH = 1000;
        /** The largest limit of a find sorted by {@code _id} that is answered in one reply by a scan in key order. */
        private static final int MAX_ID_ORDER_LIMIT = 10_000;
        private static final String ID_FIELD = "_id";

        private final MVMap<Object, Document> data;
        private final CursorRegistry cursors;

        ReadModelCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
            this.data = data;
            this.cursors = cursors;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document projection) {
            boolean indexed = getIndexes().stream().anyMatch(index -> index.canHandle(query));
            if (isIdAscending(orderBy) && numberToSkip == 0 && limit > 0 && limit <= MAX_ID_ORDER_LIMIT
                    && isEmpty(projection) && !indexed) {
                List<Document> first = firstInIdOrder(query, limit);
                if (first != null) {
                    return createQueryResult(first, batchSize);
                }
            }
            boolean streamable = batchSize > 0 && numberToSkip == 0 && limit == 0 && isEmpty(orderBy)
                    && isEmpty(projection) && !indexed;
            if (!streamable) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
            }
            Scan scan = new Scan(cursors.generateCursorId(), query);
            List<Document> first = scan.takeDocuments(batchSize);
            if (scan.isEmpty()) {
                return new QueryResult(first);
            }
            cursors.add(scan);
            return new QueryResult(first, scan);
        }

        /**
         * Every document, read as a {@link Scan} reads them (a batch at a time, from the map as it then is), with the
         * values the driver would decode.
         */
        Stream<org.bson.Document> driverDocuments(Decoder<org.bson.Document> driverDecoder) {
            Scan scan = new Scan(0, new Document());
            Iterator<org.bson.Document> documents = new Iterator<>() {
                private Iterator<Document> batch = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!batch.hasNext() && !scan.isEmpty()) {
                        try {
                            batch = scan.takeDocuments(DEFAULT_BATCH).iterator();
                        } catch (MongoServerError killed) {
                            throw new IllegalStateException(killed.getMessage(), killed);
                        }
                    }
                    return batch.hasNext();
                }

                @Override
                public org.bson.Document next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return DriverDocuments.of(batch.next(), driverDecoder);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents,
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        }

        /**
         * The first {@code limit} documents matching {@code query} in {@code _id} order, read in key order from the
         * first key the query allows ({@code _id} greater than a string, as a page after a cursor asks) and no further
         * than needed; or null when the collection holds a key that is not a string and the page could meet it, as its
         * place in the map's order may not be its place in MongoDB's (the stock find then answers). mongo-java-server
         * answers a sorted find by matching and sorting every document first: at 1.24 million journeys, a page of 20
         * deals ran the service out of a 6 GB heap.
         * String keys are in the order the stock sort gives them ({@code String.compareTo} in both).
         */
        private List<Document> firstInIdOrder(Document query, int limit) {
            // Null (stored as Missing), decimal and MinKey ids sort after strings in H2's key order but before them in
            // MongoDB's: with the last key a string there are none, and any other id a page meets is checked below.
            if (!(data.lastKey() instanceof String)) {
                return null;
            }
            QueryMatcher matcher = new DefaultQueryMatcher();
            List<Document> found = new ArrayList<>(Math.min(limit, 1024));
            Cursor<Object, Document> cursor = data.cursor(idLowerBound(query));
            while (found.size() < limit && cursor.hasNext()) {
                if (!(cursor.next() instanceof String)) {
                    return null;
                }
                Document document = cursor.getValue();
                if (document != null && matcher.matches(document, query)) {
                    found.add(document);
                }
            }
            return found;
        }

        /**
         * A string every matching {@code _id} is at least: from {@code _id: {$gt | $gte: "…"}} at the top of the query or
         * in its top-level {@code $and}; null if there is none. Only where the scan starts: the query still decides.
         */
        private static String idLowerBound(Document query) {
            String bound = stringAtLeast(query.get(ID_FIELD));
            if (bound == null && query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document clause && (bound = stringAtLeast(clause.get(ID_FIELD))) != null) {
                        break;
                    }
                }
            }
            return bound;
        }

        private static String stringAtLeast(Object condition) {
            if (condition instanceof Document operators && operators.size() == 1) {
                Object value = operators.containsKey("$gt") ? operators.get("$gt") : operators.get("$gte");
                return value instanceof String text ? text : null;
            }
            return null;
        }

        private static boolean isIdAscending(Document orderBy) {
            return orderBy != null && orderBy.size() == 1 && orderBy.get(ID_FIELD) instanceof Number direction
                    && direction.doubleValue() == 1;
        }

        private static boolean isEmpty(Document document) {
            return document == null || document.isEmpty();
        }

        /**
         * A cursor over the documents matching {@code query}, in key order, that holds only where it stands. Its batches
         * are taken outside the collection's lock (mongo-java-server's {@code getMore} takes none), so it matches with
         * a matcher of its own: the collection's keeps state between calls for positional updates.
         */
        private final class Scan extends AbstractCursor {

            private final Document query;
            private final QueryMatcher matcher = new DefaultQueryMatcher();
            private Object last;
            private boolean started;
            private boolean done;

            Scan(long id, Document query) {
                super(id);
                this.query = query;
            }

            @Override
            public boolean isEmpty() {
                return done;
            }

            @Override
            public List<Document> takeDocuments(int count) {
                int wanted = count > 0 ? count : DEFAULT_BATCH;
                List<Document> batch = new ArrayList<>(Math.min(wanted, 1024));
                if (done) {
                    return batch;
                }
                if (data.isClosed()) {
                    done = true;
                    throw new MongoServerError(175, "QueryPlanKilled",
                            "collection " + getFullName() + " was dropped or replaced while a cursor read it");
                }
                // one cursor, so one version of the map, from the last key returned on (which it skips)
                Cursor<Object, Document> cursor = data.cursor(started ? last : data.firstKey());
                started = true;
                while (batch.size() < wanted && cursor.hasNext()) {
                    Object key = cursor.next();
                    if (last != null && key.equals(last)) {
                        continue;
                    }
                    last = key;
                    Document document = cursor.getValue();
                    if (document != null && matcher.matches(document, query)) {
                        batch.add(document);
                    }
                }
                done = !cursor.hasNext();
                return batch;
            }
        }
    }
}
