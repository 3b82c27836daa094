package io.pipelens.query.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A {@link DocumentBatch.DocumentStore} over one MongoDB collection, through the driver and a {@link DocumentCodec}:
 * one {@code $in} find, one unordered bulk of upserts by {@code _id} (or of inserts, see {@link #write}).
 */
public final class MongoDocumentStore<T> implements DocumentBatch.DocumentStore<T> {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final DocumentCodec<T> codec;

    public MongoDocumentStore(MongoCollection<Document> collection, DocumentCodec<T> codec) {
        this.collection = collection;
        this.codec = codec;
    }

    @Override
    public Map<String, T> load(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document document : collection.find(Filters.in("_id", ids))) {
                T value = codec.decode(document);
                found.put(codec.id(value), value);
            }
        }
        return found;
    }

    @Override
    public void upsertAll(Collection<T> documents) {
        write(List.of(), documents);
    }

    /**
     * Inserts {@code fresh} (documents the caller believes the collection does not hold) and upserts {@code known},
     * in one unordered bulk. An insert is a good deal cheaper for the server than an upsert, which first looks the
     * document up and builds its replacement. A fresh document that turns out to be there after all (written by
     * another instance, or by an earlier attempt of this write) is upserted instead.
     */
    public void write(Collection<T> fresh, Collection<T> known) {
        if (fresh.isEmpty() && known.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(fresh.size() + known.size());
        List<T> inserted = new ArrayList<>(fresh);
        for (T document : inserted) {
            writes.add(new InsertOneModel<>(codec.encode(document)));
        }
        for (T document : known) {
            writes.add(upsert(document));
        }
        try {
            collection.bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException failed) {
            List<WriteModel<Document>> retries = new ArrayList<>();
            for (BulkWriteError error : failed.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY || error.getIndex() >= inserted.size()) {
                    throw failed;
                }
                retries.add(upsert(inserted.get(error.getIndex())));
            }
            collection.bulkWrite(retries, UNORDERED);
        }
    }

    private ReplaceOneModel<Document> upsert(T document) {
        return new ReplaceOneModel<>(Filters.eq("_id", codec.id(document)), codec.encode(document), UPSERT);
    }
}
