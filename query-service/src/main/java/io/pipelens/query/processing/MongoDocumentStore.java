package io.pipelens.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
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
 * one {@code $in} find, one unordered bulk of upserts by {@code _id}.
 */
public final class MongoDocumentStore<T> implements DocumentBatch.DocumentStore<T> {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Documents per reply: the embedded MongoDB server would otherwise answer all of them in one, which may pass 48 MB. */
    private static final int READ_BATCH = 1000;

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
            for (Document document : collection.find(Filters.in("_id", ids)).batchSize(READ_BATCH)) {
                T value = codec.decode(document);
                found.put(codec.id(value), value);
            }
        }
        return found;
    }

    @Override
    public void upsertAll(Collection<T> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>(documents.size());
        for (T document : documents) {
            upserts.add(new ReplaceOneModel<>(Filters.eq("_id", codec.id(document)), codec.encode(document), UPSERT));
        }
        collection.bulkWrite(upserts, UNORDERED);
    }
}
