package io.pipelens.query.projection;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A {@link DocumentBatch.DocumentStore} over one MongoDB collection: one {@code $in} find, one bulk of upserts. */
public final class MongoDocumentStore<T> implements DocumentBatch.DocumentStore<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<T, String> idOf;
    private final String collection;

    public MongoDocumentStore(MongoTemplate mongo, Class<T> type, Function<T, String> idOf) {
        this(mongo, type, idOf, mongo.getCollectionName(type));
    }

    /** A store over a collection other than the type's own, such as a replay's staging collection. */
    public MongoDocumentStore(MongoTemplate mongo, Class<T> type, Function<T, String> idOf, String collection) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
        this.collection = collection;
    }

    @Override
    public Map<String, T> load(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection).stream()
                .collect(Collectors.toMap(idOf, Function.identity()));
    }

    @Override
    public void upsertAll(Collection<T> documents) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collection);
        for (T document : documents) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(idOf.apply(document))), document,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }
}
