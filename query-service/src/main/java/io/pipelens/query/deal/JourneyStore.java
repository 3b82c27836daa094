package io.pipelens.query.deal;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ReplaceOptions;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.query.processing.BatchedReadModel;
import io.pipelens.query.processing.MongoDocumentStore;
import io.pipelens.query.processing.ReadModel;
import io.pipelens.query.processing.WriteBehind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the deal journeys live, and how a replay rebuilds them without partial answers.
 *
 * <p>Queries always read {@value DealJourney#COLLECTION}. A replay writes into {@value #STAGING} (and into staging
 * analytic indexes) while the live collection and indexes keep serving the last complete state, frozen at the
 * replay's start. Once the replay has handled every event that was in the store when it started, the staging
 * collection replaces the live one with one {@code renameCollection(dropTarget)} and the staging indexes replace the
 * live ones, both under a write lock that queries read under: a query sees the old state or the new, never a mix.
 *
 * <p>The replay's state is a document in {@value #STATE} naming the position it must reach, so a process killed
 * mid-replay comes back still staging: Axon resumes from the {@code ReplayToken} in the token store, the live state
 * keeps answering, and the switch happens when the resumed replay gets there.
 *
 * <p>The format of the live journeys is recorded in {@value #FORMATS}, once a replay by this format has switched in
 * or when the process finds no journey stored at all. Journeys stored without it were written by an earlier release
 * that merged what {@link #FORMAT} tells apart, so they are {@linkplain #storedInEarlierFormat() to be replayed}.
 *
 * <p>The projection does not call this store: it reads and writes the {@link #readModel} over it, which batches its
 * reads and writes, and calls {@link #load}, {@link #upsertAll}, {@link #handledUpTo} and {@link #reset} here.
 */
@Component
public class JourneyStore implements BatchedReadModel.Store<DealJourney> {

    public static final String STAGING = "deal_journeys_staging";
    public static final String STATE = "projection_replays";
    static final String STATE_ID = DealJourneyProjection.PROCESSOR;
    public static final String FORMATS = "read_model_formats";
    /**
     * Journeys per reply when many are read at once. Without it the embedded MongoDB server answers a whole
     * collection in one reply, which the driver refuses once it passes 48 MB (some 30,000 journeys).
     */
    public static final int READ_BATCH = 1000;
    /** The id of the journeys' document in {@value #FORMATS}. */
    public static final String FORMAT_ID = DealJourneyProjection.PROCESSOR;
    /**
     * The format the projection writes: 2 marks each visit begun by a reopening (a close always ends a visit, also
     * at the millisecond of a reopening) and records the times of attribute changes; 1, never recorded, had neither.
     */
    public static final int FORMAT = 2;

    private static final Logger log = LoggerFactory.getLogger(JourneyStore.class);

    private final MongoTemplate mongo;
    private final JourneyListener analytics;
    private final LongSupplier storeHead;
    private final ReadWriteLock switchLock = new ReentrantReadWriteLock();
    private final MongoDocumentStore<DealJourney> live;
    private final MongoDocumentStore<DealJourney> staging;
    private volatile Replay replay;
    /**
     * The ids written to staging, when this process started the replay (staging was empty then): a deal not among
     * them has no staged journey written by this process, so the batch need not ask for it. Null otherwise (a replay
     * resumed after a restart, or none running): then every id is asked for. Another instance may have staged a
     * deal of a segment this process took over since; the read model asks for such a deal by itself when an event
     * other than its opening finds no journey ({@link #loadExactly}).
     */
    private volatile Set<String> staged;
    private volatile boolean cancelling;
    private volatile boolean earlierFormat;

    @Autowired
    public JourneyStore(MongoTemplate mongo, JourneyListener analytics, JdbcTemplate events) {
        this(mongo, analytics, () -> {
            Long head = events.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            return head == null ? -1 : head;
        });
    }

    /**
     * @param storeHead the highest global index in the event store, or -1 when it is empty
     */
    public JourneyStore(MongoTemplate mongo, JourneyListener analytics, LongSupplier storeHead) {
        this.mongo = mongo;
        this.analytics = analytics;
        this.storeHead = storeHead;
        this.live = new MongoDocumentStore<>(mongo.getCollection(DealJourney.COLLECTION), JourneyCodec.INSTANCE);
        this.staging = new MongoDocumentStore<>(mongo.getCollection(STAGING), JourneyCodec.INSTANCE);
        Document state = mongo.findById(STATE_ID, Document.class, STATE);
        this.replay = state == null ? null : new Replay(state.getLong("target"), -1);
        // Decided before the projection writes anything, so a fresh store's first journeys do not count as old ones.
        if (!formatRecorded()) {
            earlierFormat = state != null ? !ofCurrentFormat(state)
                    : mongo.getCollection(DealJourney.COLLECTION).find().limit(1).first() != null;
            if (!earlierFormat && state == null) {
                recordFormat();
            }
        }
    }

    /**
     * The journeys as {@link DealJourneyProjection} reads and writes them, one per deal: a deal's events touch its
     * journey, and only its opening event may find none.
     */
    public ReadModel<DealJourney> readModel(WriteBehind<DealJourney> writes) {
        return new BatchedReadModel<>(DealJourneyProjection.PROCESSOR, this, writes, DealJourney::id,
                payload -> payload instanceof DealEvent deal ? deal.dealId() : null,
                payload -> payload instanceof DealOpenedEvent);
    }

    /**
     * True when the live journeys, or those a replay started by an earlier release is staging, were stored without
     * the {@link #FORMAT} this release writes: a replay from the start brings them up to it. False once one has.
     */
    public boolean storedInEarlierFormat() {
        return earlierFormat;
    }

    private boolean formatRecorded() {
        Document recorded = mongo.findById(FORMAT_ID, Document.class, FORMATS);
        return recorded != null && recorded.getInteger("format", 0) >= FORMAT;
    }

    private void recordFormat() {
        mongo.getCollection(FORMATS).replaceOne(new Document("_id", FORMAT_ID),
                new Document("_id", FORMAT_ID).append("format", FORMAT), new ReplaceOptions().upsert(true));
        earlierFormat = false;
    }

    private static boolean ofCurrentFormat(Document replayState) {
        return replayState.getInteger("format", 0) == FORMAT;
    }

    /** True while a replay builds into staging, also right after a restart that interrupted one. */
    public static boolean staging(MongoTemplate mongo) {
        return mongo.findById(STATE_ID, Document.class, STATE) != null;
    }

    /** The replay running, or null: the position it must reach and the last one it handled (-1 before any). */
    public Replay replay() {
        return replay;
    }

    /** Reads the live journeys under the switch lock, so a read never straddles a switch. */
    public <T> T read(Supplier<T> query) {
        switchLock.readLock().lock();
        try {
            return query.get();
        } finally {
            switchLock.readLock().unlock();
        }
    }

    @Override
    public boolean replaying() {
        return replay != null;
    }

    @Override
    public Map<String, DealJourney> load(Collection<String> ids) {
        return read(() -> {
            if (replay == null) {
                return live.load(ids);
            }
            Set<String> written = staged;
            if (written == null) {
                return staging.load(ids);
            }
            List<String> known = ids.stream().filter(written::contains).toList();
            return known.isEmpty() ? Map.of() : staging.load(known);
        });
    }

    /** The stored journeys among {@code ids}, every one asked for (see {@link #staged}). */
    @Override
    public Map<String, DealJourney> loadExactly(Collection<String> ids) {
        return read(() -> (replay == null ? live : staging).load(ids));
    }

    /** Writes a batch's journeys and hands them to the indexes, both on the same side of a switch. */
    @Override
    public void upsertAll(Collection<DealJourney> journeys) {
        read(() -> {
            if (replay == null) {
                live.upsertAll(journeys);
            } else {
                Set<String> written = staged;
                if (written != null) {
                    // Before the write: if it fails part-way, its journeys are asked for again.
                    journeys.forEach(journey -> written.add(journey.id()));
                }
                staging.upsertAll(journeys);
            }
            analytics.journeysChanged(journeys);
            return null;
        });
    }

    /**
     * The processor handled everything up to {@code position}, for the replay's progress. The switch is not made
     * here: one segment at the target says nothing of the others, and its journeys may not be written yet. It is made
     * when every segment has stored its token at the target ({@code ProjectionReplays.switchCaughtUpReplay}).
     */
    @Override
    public void handledUpTo(long position) {
        Replay running = replay;
        if (running != null) {
            replay = new Replay(running.target(), Math.max(running.position(), position));
        }
    }

    /** Switches over if a replay runs and {@code position} has reached its target; true if it switched. */
    public boolean switchIfCaughtUp(long position) {
        switchLock.writeLock().lock();
        try {
            Replay running = replay;
            if (running == null || position < running.target()) {
                return false;
            }
            if (mongo.collectionExists(STAGING)) {
                mongo.getCollection(STAGING).renameCollection(
                        new MongoNamespace(mongo.getDb().getName(), DealJourney.COLLECTION),
                        new RenameCollectionOptions().dropTarget(true));
            } else if (mongo.collectionExists(DealJourney.COLLECTION)) {
                mongo.dropCollection(DealJourney.COLLECTION);
            }
            analytics.promoteStaging();
            Document state = mongo.findById(STATE_ID, Document.class, STATE);
            if (state != null && ofCurrentFormat(state)) {
                recordFormat();
            }
            mongo.remove(Query.query(Criteria.where("_id").is(STATE_ID)), STATE);
            replay = null;
            staged = null;
            log.info("Deal-journey replay reached position {}: the rebuilt journeys and indexes now answer",
                    running.target());
            return true;
        } finally {
            switchLock.writeLock().unlock();
        }
    }

    /** The next reset abandons the running replay instead of starting one: see {@link #reset()}. */
    public void cancelNextReset() {
        cancelling = true;
    }

    /**
     * Called by the projection's reset handler, through its read model. Starts a replay into an empty staging
     * collection, or, after {@link #cancelNextReset()}, drops the replay's staging state so the live journeys carry on
     * from where they were frozen.
     */
    @Override
    public void reset() {
        switchLock.writeLock().lock();
        try {
            if (mongo.collectionExists(STAGING)) {
                mongo.dropCollection(STAGING);
            }
            if (cancelling) {
                cancelling = false;
                analytics.discardStaging();
                mongo.remove(Query.query(Criteria.where("_id").is(STATE_ID)), STATE);
                replay = null;
                staged = null;
                log.info("Deal-journey replay cancelled: the live journeys carry on from where they were");
                return;
            }
            long target = storeHead.getAsLong();
            mongo.getCollection(STATE).replaceOne(new Document("_id", STATE_ID),
                    new Document("_id", STATE_ID).append("target", target).append("format", FORMAT),
                    new ReplaceOptions().upsert(true));
            analytics.startStaging();
            staged = ConcurrentHashMap.newKeySet();
            replay = new Replay(target, -1);
        } finally {
            switchLock.writeLock().unlock();
        }
        switchIfCaughtUp(-1);
    }

    /**
     * A replay into staging.
     *
     * @param target   the highest global index in the store when the replay started: reaching it switches over
     * @param position the highest global index handled so far, -1 before any (or since a restart)
     */
    public record Replay(long target, long position) {

        /** Share of the way to the target, 0 to 1. */
        public double progress() {
            return target <= 0 ? 1.0 : Math.max(0, Math.min(1.0, position / (double) target));
        }
    }
}
