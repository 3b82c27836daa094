package io.pipelens.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pipelens.platform.eventstore.EventStoreIdentity;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which event store the read models and tracking tokens of one MongoDB database were built from. Its identity
 * ({@link EventStoreIdentity}) is recorded beside them when they are first built. A service whose event store is
 * another one, or whose tokens stand beyond the store's newest event (the store was replaced or restored from an older
 * backup), would go on serving the other store's figures and never show this store's new events, while its processors
 * report that they are running: {@link #verify()} refuses that at start-up and {@link #problem()} reports it to the
 * health check.
 *
 * <p>Axon's own {@code TokenStore.retrieveStorageIdentifier()} does not help here: it names the token store (so that
 * processors can tell whether they share one), not the event store the tokens point into.
 */
public class ReadModelOrigin {

    static final String COLLECTION = "eventStoreOrigin";
    private static final String ID = "eventStore";
    private static final String CONFIG_TOKEN = "__config";
    private static final Logger log = LoggerFactory.getLogger(ReadModelOrigin.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final EventStoreIdentity eventStore;
    private final String rebuild;

    /**
     * @param tokens  the tracking tokens' collection, as {@code MongoTokenStore} writes it
     * @param rebuild how to drop these read models, e.g. "delete ./data/read-models.mv"
     */
    public ReadModelOrigin(MongoDatabase database, MongoCollection<Document> tokens, Serializer serializer,
                           EventStoreIdentity eventStore, String rebuild) {
        this.database = database;
        this.tokens = tokens;
        this.serializer = serializer;
        this.eventStore = eventStore;
        this.rebuild = rebuild;
    }

    /**
     * Records the event store's identity if none is recorded yet, and refuses (with an error logged) read models and
     * tokens that belong to another store or stand beyond this one's newest event.
     *
     * @throws ReadModelsOfAnotherStoreException saying why and what to do
     */
    public void verify() {
        Optional<String> problem = check(true);
        if (problem.isPresent()) {
            log.error(problem.get());
            throw new ReadModelsOfAnotherStoreException(problem.get());
        }
    }

    /** Why the read models must not be served from this event store, if they must not; changes nothing. */
    public Optional<String> problem() {
        return check(false);
    }

    private Optional<String> check(boolean record) {
        String identity = eventStore.id();
        Document recorded = origins().find(Filters.eq("_id", ID)).first();
        if (recorded != null && !identity.equals(recorded.getString("identity"))) {
            return Optional.of("The read models and tracking tokens in MongoDB database '" + database.getName()
                    + "' were built from event store " + recorded.getString("identity") + ", but the event store "
                    + "in use (" + eventStore.description() + ") is " + identity + ": they would show the other "
                    + "store's deals and never this one's. " + remedy());
        }
        // The tokens before the head: a running processor's token may pass a head read before it, never one after.
        Optional<TokenAt> furthest = furthestToken();
        long head = eventStore.head();
        if (furthest.isPresent() && furthest.get().position() > head) {
            return Optional.of("The tracking token of processor " + furthest.get().where() + " in MongoDB database '"
                    + database.getName() + "' stands beyond the newest event of the event store in use ("
                    + eventStore.description() + ", global index " + head + "): the read models were built from "
                    + "another store, or this one was restored from an older backup, and new events would not "
                    + "appear until the store grew past the token. " + remedy());
        }
        if (recorded == null && record) {
            return recordOrRecheck(identity);
        }
        return Optional.empty();
    }

    private Optional<String> recordOrRecheck(String identity) {
        try {
            origins().insertOne(new Document("_id", ID).append("identity", identity)
                    .append("recordedAt", Instant.now().toString()));
            log.info("Read models in MongoDB database '{}' belong to event store {} ({})", database.getName(),
                    identity, eventStore.description());
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return check(false);
        }
    }

    private String remedy() {
        return "Point spring.datasource.url at the event store they were built from, or rebuild them from this one: "
                + "stop every query service, " + rebuild + ", and start again.";
    }

    /** The token that reaches furthest into the event store, if any token has a position. */
    private Optional<TokenAt> furthestToken() {
        TokenAt furthest = null;
        for (Document entry : tokens.find(Filters.ne("processorName", CONFIG_TOKEN))) {
            OptionalLong position = position(entry);
            if (position.isPresent() && (furthest == null || position.getAsLong() > furthest.position())) {
                furthest = new TokenAt("'" + entry.getString("processorName") + "' segment " + entry.get("segment")
                        + " (global index " + position.getAsLong() + ")", position.getAsLong());
            }
        }
        return Optional.ofNullable(furthest);
    }

    private record TokenAt(String where, long position) {
    }

    /** Where a token entry stands, counting the end of a replay under way. */
    private OptionalLong position(Document entry) {
        Binary data = entry.get("token", Binary.class);
        if (data == null) {
            return OptionalLong.empty();
        }
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(data.getData(), byte[].class, entry.getString("tokenType"), null));
        if (token == null) {
            return OptionalLong.empty();
        }
        OptionalLong replayEnd = WrappedToken.unwrap(token, ReplayToken.class)
                .map(replay -> replay.getTokenAtReset().position()).orElse(OptionalLong.empty());
        OptionalLong current = token.position();
        if (replayEnd.isPresent() && current.isPresent()) {
            return OptionalLong.of(Math.max(replayEnd.getAsLong(), current.getAsLong()));
        }
        return replayEnd.isPresent() ? replayEnd : current;
    }

    private MongoCollection<Document> origins() {
        return database.getCollection(COLLECTION);
    }
}
