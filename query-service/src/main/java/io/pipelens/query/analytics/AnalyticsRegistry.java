package io.pipelens.query.analytics;

import com.mongodb.client.MongoCursor;
import io.pipelens.kernel.ViolationException;
import io.pipelens.platform.mongo.InProcessReads;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyCodec;
import io.pipelens.query.deal.JourneyListener;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.pipeline.PipelineListener;
import io.pipelens.query.pipeline.PipelineVersionView;
import io.pipelens.query.pipeline.PipelineView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The in-memory analytic indexes of every pipeline, one per kept version, built from the {@code deal_journeys}
 * collection and kept current by the deal-journey projection.
 *
 * <ul>
 *   <li>At start-up, before the event processors start, every pipeline's kept versions are built from MongoDB.</li>
 *   <li>After each batch the projection writes, it hands the changed journeys here and every index of their
 *       pipeline takes them.</li>
 *   <li>A new pipeline version is built in the background from MongoDB. Journeys that change meanwhile go straight
 *       into it; the index keeps each deal's newest journey by sequence number, so it ends current. Until then queries answer from the newest
 *       ready version and say that a newer one is building, and how far it has got; then they switch to it at once.</li>
 * </ul>
 * Recorded journeys keep raw stage keys, so a version's index is a pure function of the journeys and the version:
 * a redefinition needs no replay of the event store, only this rebuild.
 */
@Component
public class AnalyticsRegistry implements JourneyListener, PipelineListener, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRegistry.class);

    /** How often a build from MongoDB at start-up says how far it has got: a million journeys take half a minute. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MongoTemplate mongo;
    private final int keptVersions;
    private volatile Map<String, List<VersionIndex>> pipelines = new ConcurrentHashMap<>();
    /** The indexes a replay of the journeys builds, switched in when it has caught up; null when none runs. */
    private volatile Map<String, List<VersionIndex>> staging;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "analytics-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final RebuildPacer pacer;
    /** Reads of the embedded store from within the process, for the build at start-up; null with MongoDB elsewhere. */
    private final InProcessReads inProcess;

    public AnalyticsRegistry(MongoTemplate mongo, int keptVersions) {
        this(mongo, keptVersions, RebuildPacer.NONE, null);
    }

    @Autowired
    public AnalyticsRegistry(MongoTemplate mongo, AnalyticsProperties settings, ObjectProvider<RebuildPacer> pacer,
                             ObjectProvider<InProcessReads> inProcess) {
        this(mongo, settings.keptVersions(), pacer.getIfAvailable(() -> RebuildPacer.NONE),
                inProcess.getIfAvailable());
    }

    public AnalyticsRegistry(MongoTemplate mongo, int keptVersions, RebuildPacer pacer, InProcessReads inProcess) {
        this.mongo = mongo;
        this.keptVersions = Math.max(1, keptVersions);
        this.pacer = pacer;
        this.inProcess = inProcess;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        List<VersionIndex> all = new ArrayList<>();
        for (PipelineView pipeline : mongo.findAll(PipelineView.class)) {
            List<VersionIndex> kept = new ArrayList<>();
            for (PipelineVersionView version : keptOf(pipeline)) {
                kept.add(new VersionIndex(pipeline.id(), AnalyticVersion.of(version)));
            }
            pipelines.put(pipeline.id(), kept);
            all.addAll(kept);
        }
        long loaded = loadAll(pipelines, DealJourney.COLLECTION);
        log.info("Analytic indexes of {} pipeline versions built from {} deal journeys in {} ms", all.size(), loaded,
                (System.nanoTime() - started) / 1_000_000);
        if (JourneyStore.staging(mongo)) {
            startStaging();
            long staged = loadAll(staging, JourneyStore.STAGING);
            log.info("A replay of the deal journeys was under way: its staging indexes were rebuilt from {} journeys",
                    staged);
        }
    }

    private long loadAll(Map<String, List<VersionIndex>> target, String collection) {
        long loaded = 0;
        long about = mongo.estimatedCount(collection);
        long started = System.nanoTime();
        long nextReport = started + PROGRESS_EVERY_NANOS;
        try (ReadAhead journeys = new ReadAhead(() -> everyJourney(collection), JourneyStore.READ_BATCH)) {
            while (journeys.hasNext()) {
                DealJourney journey = JourneyCodec.INSTANCE.decode(journeys.next());
                indexesOf(target, journey.pipelineId()).forEach(index -> index.load(journey));
                loaded++;
                if ((loaded & 4095) == 0 && System.nanoTime() >= nextReport) {
                    nextReport = System.nanoTime() + PROGRESS_EVERY_NANOS;
                    log.info("Building the analytic indexes from {}: {} of about {} journeys, {} s", collection,
                            loaded, about, (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        }
        target.values().forEach(indexes -> indexes.forEach(VersionIndex::finishLoad));
        return loaded;
    }

    /**
     * Hands journeys the projection has just written to every index of their pipeline: the staging indexes while a
     * replay runs (the live ones then stay as they were when it started), else the live ones.
     */
    @Override
    public void journeysChanged(Collection<DealJourney> journeys) {
        Map<String, List<VersionIndex>> target = staging == null ? pipelines : staging;
        for (DealJourney journey : journeys) {
            for (VersionIndex index : indexesOf(target, journey.pipelineId())) {
                index.apply(journey);
            }
        }
    }

    /**
     * A replay of the journeys starts: empty indexes of every kept version take the replayed journeys, while the live
     * indexes keep answering.
     */
    @Override
    public synchronized void startStaging() {
        Map<String, List<VersionIndex>> fresh = new ConcurrentHashMap<>();
        pipelines.forEach((pipelineId, indexes) -> fresh.put(pipelineId, indexes.stream()
                .map(i -> new VersionIndex(pipelineId, i.version())).peek(VersionIndex::finishLoad).toList()));
        staging = fresh;
    }

    /** The replay has caught up: its indexes replace the live ones at once. */
    @Override
    public synchronized void promoteStaging() {
        if (staging != null) {
            pipelines = staging;
            staging = null;
        }
    }

    /** The replay was cancelled: its indexes go, the live ones carry on. */
    @Override
    public synchronized void discardStaging() {
        staging = null;
    }

    /** A pipeline was defined or got a new version: build the versions not yet indexed, in the background. */
    @Override
    public synchronized void pipelineChanged(PipelineView pipeline) {
        added(pipelines, pipeline, DealJourney.COLLECTION);
        if (staging != null) {
            added(staging, pipeline, JourneyStore.STAGING);
        }
    }

    private void added(Map<String, List<VersionIndex>> target, PipelineView pipeline, String collection) {
        List<VersionIndex> current = target.getOrDefault(pipeline.id(), List.of());
        List<VersionIndex> next = new ArrayList<>(current);
        for (PipelineVersionView version : keptOf(pipeline)) {
            boolean known = current.stream().anyMatch(i -> i.version().number() == version.version());
            if (!known) {
                VersionIndex index = new VersionIndex(pipeline.id(), AnalyticVersion.of(version));
                next.add(index);
                rebuilds.submit(() -> build(target, index, collection));
            }
        }
        target.put(pipeline.id(), trimmed(next));
    }

    /**
     * At most {@code keptVersions} indexes, dropping the oldest first; an index is only dropped once a newer one is
     * ready, so queries always have a version to answer from.
     */
    private List<VersionIndex> trimmed(List<VersionIndex> indexes) {
        List<VersionIndex> kept = new ArrayList<>(indexes);
        kept.sort(Comparator.comparingInt(i -> i.version().number()));
        while (kept.size() > keptVersions && kept.stream().skip(1).anyMatch(VersionIndex::isReady)) {
            kept.remove(0);
        }
        return List.copyOf(kept);
    }

    private synchronized void trim(Map<String, List<VersionIndex>> target, String pipelineId) {
        target.computeIfPresent(pipelineId, (id, indexes) -> trimmed(indexes));
    }

    /** The pipeline's indexes were all dropped, for a replay of the pipeline read model. */
    @Override
    public synchronized void pipelinesReset() {
        pipelines.clear();
        if (staging != null) {
            staging.clear();
        }
    }

    private void build(Map<String, List<VersionIndex>> target, VersionIndex index, String collection) {
        long started = System.nanoTime();
        try {
            Query query = Query.query(Criteria.where("pipelineId").is(index.pipelineId()));
            index.expect(mongo.count(query, DealJourney.class, collection));
            try (MongoCursor<Document> journeys = journeys(collection, query.getQueryObject())) {
                while (journeys.hasNext()) {
                    pacer.loaded(index);
                    index.load(JourneyCodec.INSTANCE.decode(journeys.next()));
                }
            }
            index.finishLoad();
            trim(target, index.pipelineId());
            log.info("Analytic index of pipeline '{}' version {} built in {} ms", index.pipelineId(),
                    index.version().number(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            index.fail(e);
            log.error("Building the analytic index of pipeline '{}' version {} failed", index.pipelineId(),
                    index.version().number(), e);
        }
    }

    /**
     * Every stored journey of {@code collection}: read within the process from the embedded store, where there is one
     * (the wire protocol would encode every journey for the driver to decode again), else through the driver.
     */
    private Stream<Document> everyJourney(String collection) {
        if (inProcess != null) {
            return inProcess.documents(mongo.getDb().getName(), collection,
                    mongo.getCollection(collection).getCodecRegistry().get(Document.class));
        }
        MongoCursor<Document> cursor = journeys(collection, new Document());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .onClose(cursor::close);
    }

    /**
     * The stored journeys matching {@code filter}, a batch at a time, to be decoded by the codec the projection writes
     * them with ({@link JourneyCodec}), which costs less per journey than Spring Data's reflective mapping.
     */
    private MongoCursor<Document> journeys(String collection, Document filter) {
        return mongo.getCollection(collection).find(filter).batchSize(JourneyStore.READ_BATCH).iterator();
    }

    private static List<VersionIndex> indexesOf(Map<String, List<VersionIndex>> target, String pipelineId) {
        return pipelineId == null ? List.of() : target.getOrDefault(pipelineId, List.of());
    }

    private List<PipelineVersionView> keptOf(PipelineView pipeline) {
        List<PipelineVersionView> versions = pipeline.versions();
        return versions.subList(Math.max(0, versions.size() - keptVersions), versions.size());
    }

    /**
     * The index a query should use: the version asked for, or the newest ready one; with the newest version still
     * building, if any.
     *
     * @throws ViolationException naming {@code pipelineId} or {@code version} when there is no such index
     */
    public Selected select(String pipelineId, Integer version) {
        List<VersionIndex> indexes = pipelines.get(pipelineId);
        if (indexes == null || indexes.isEmpty()) {
            throw new ViolationException("pipelineId", "no pipeline '" + pipelineId + "' is known to the query service");
        }
        VersionIndex newest = indexes.stream().max((a, b) -> a.version().number() - b.version().number()).orElseThrow();
        VersionIndex building = newest.isReady() ? null : newest;
        VersionIndex chosen;
        if (version == null) {
            chosen = indexes.stream().filter(VersionIndex::isReady)
                    .max((a, b) -> a.version().number() - b.version().number())
                    .orElseThrow(() -> new ViolationException("version", "pipeline '" + pipelineId
                            + "' has no version ready yet: version " + newest.version().number() + " is "
                            + percent(newest.progress()) + " built"));
        } else {
            chosen = indexes.stream().filter(i -> i.version().number() == version).findFirst()
                    .orElseThrow(() -> new ViolationException("version", "pipeline '" + pipelineId
                            + "' has no version " + version + " in the query service; kept versions are "
                            + indexes.stream().map(i -> String.valueOf(i.version().number())).toList()));
            if (!chosen.isReady()) {
                throw new ViolationException("version", "version " + version + " of pipeline '" + pipelineId
                        + "' is still being built (" + percent(chosen.progress()) + ")");
            }
        }
        return new Selected(chosen.index(), building == null ? null
                : new Rebuild(building.version().number(), building.progress()));
    }

    /**
     * The newest version of the pipeline the query service knows, ready or still building: after a redefinition, the
     * version it added.
     *
     * @throws ViolationException naming {@code pipelineId} when the pipeline is unknown
     */
    public AnalyticVersion newestVersion(String pipelineId) {
        return pipelines.getOrDefault(pipelineId, List.of()).stream().map(VersionIndex::version)
                .max(Comparator.comparingInt(AnalyticVersion::number))
                .orElseThrow(() -> new ViolationException("pipelineId", "no pipeline '" + pipelineId
                        + "' is known to the query service"));
    }

    /** The newest ready index of every pipeline: what metrics report on. */
    public List<AnalyticIndex> newestReadyIndexes() {
        List<AnalyticIndex> newest = new ArrayList<>();
        for (List<VersionIndex> indexes : pipelines.values()) {
            indexes.stream().filter(VersionIndex::isReady)
                    .max(Comparator.comparingInt(i -> i.version().number()))
                    .ifPresent(i -> newest.add(i.index()));
        }
        return newest;
    }

    /** Every index with its state, for progress reporting. */
    public List<VersionIndex> indexes() {
        return pipelines.values().stream().flatMap(List::stream).toList();
    }

    private static String percent(double progress) {
        return String.format("%.0f%%", progress * 100);
    }

    @Override
    public void destroy() {
        rebuilds.shutdownNow();
    }

    /** The index to answer from, and the newer version being built meanwhile (or null). */
    public record Selected(AnalyticIndex index, Rebuild rebuilding) {
    }

    /** A version being built, and the share of its deals loaded so far (0 to 1). */
    public record Rebuild(int version, double progress) {
    }

    /**
     * Documents read a batch ahead of their consumer, on a thread of its own: the store's work on a batch (and the
     * driver's, which asks for a cursor's next batch only when the last is used up) and the index's work on it
     * overlap on two cores instead of taking turns on one.
     */
    static final class ReadAhead implements Iterator<Document>, AutoCloseable {

        private static final List<Document> END = new ArrayList<>();

        private final BlockingQueue<List<Document>> batches = new ArrayBlockingQueue<>(2);
        private final Thread reader;
        private volatile boolean closed;
        private volatile Throwable failure;
        private Iterator<Document> current = Collections.emptyIterator();
        private boolean ended;

        ReadAhead(Supplier<Stream<Document>> open, int batchSize) {
            reader = new Thread(() -> read(open, batchSize), "analytics-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Supplier<Stream<Document>> open, int batchSize) {
            try (Stream<Document> documents = open.get()) {
                Iterator<Document> cursor = documents.iterator();
                List<Document> batch = new ArrayList<>(batchSize);
                while (!closed && cursor.hasNext()) {
                    batch.add(cursor.next());
                    if (batch.size() == batchSize) {
                        handOn(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    handOn(batch);
                }
            } catch (RuntimeException | Error e) {
                // handed on rather than left to end this thread, or the consumer would wait for the end for ever
                failure = e;
            }
            handOn(END);
        }

        /**
         * Waits for room for {@code batch}, or until the consumer closes this reader. Never by interruption: the reader
         * may be reading the store's file, whose channel an interrupt would close for the whole store.
         */
        private void handOn(List<Document> batch) {
            boolean interrupted = false;
            while (!closed) {
                try {
                    if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (ended) {
                    return false;
                }
                List<Document> batch;
                try {
                    batch = batches.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the deal journeys", e);
                }
                if (batch == END) {
                    ended = true;
                    if (failure != null) {
                        throw new IllegalStateException("reading the deal journeys failed", failure);
                    }
                    return false;
                }
                current = batch.iterator();
            }
            return true;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        /**
         * Stops the reader at its next document or its next wait for room (it closes the documents on its thread), and
         * drops what it read ahead.
         */
        @Override
        public void close() {
            closed = true;
            batches.clear();
        }
    }
}
