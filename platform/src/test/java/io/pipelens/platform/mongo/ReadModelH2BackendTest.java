package io.pipelens.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-model H2 backend behaves as MongoDB does for what the read models use (documents of every BSON type kept
 * exactly, a unique {@code _id}, lookups by {@code _id} and {@code $in}, renames), across a close and reopen of its
 * file, and discards a file of another format.
 */
class ReadModelH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void documentsOfEveryKindComeBackExactlyAfterTheFileIsReopened() {
        Document journey = new Document("_id", "deal-1")
                .append("amount", new Decimal128(new BigDecimal("1234.50")))
                .append("openedAt", new Date(1_700_000_000_123L))
                .append("closedAt", null)
                .append("count", 7)
                .append("sequence", 9_000_000_000L)
                .append("ratio", 0.25)
                .append("won", true)
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("blob", new Binary(new byte[] {1, 2, 3}))
                .append("visits", List.of(
                        new Document("stage", "lead").append("enteredAt", new Date(1_700_000_000_000L)),
                        new Document("stage", "квалификация").append("exitedAt", null)))
                .append("tags", List.of("a", 1, List.of("nested")));
        Path file = dir.resolve("read-models.mv");
        withCollection(ReadModelH2Backend.open(file, 16), journeys -> journeys.insertOne(journey));

        withCollection(ReadModelH2Backend.open(file, 16),
                journeys -> assertThat(journeys.find(Filters.eq("_id", "deal-1")).first()).isEqualTo(journey));
    }

    @Test
    void idsStayUniqueAndAreFoundOneByOneAndByIn() {
        Path file = dir.resolve("read-models.mv");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        withCollection(ReadModelH2Backend.open(file, 1), journeys -> {
            for (int from = 0; from < order.size(); from += 100) {
                List<WriteModel<Document>> upserts = new ArrayList<>();
                for (int i : order.subList(from, from + 100)) {
                    upserts.add(new ReplaceOneModel<>(Filters.eq("_id", "deal-" + i),
                            new Document("_id", "deal-" + i).append("n", i), new ReplaceOptions().upsert(true)));
                }
                journeys.bulkWrite(upserts);
            }
            journeys.replaceOne(Filters.eq("_id", "deal-42"), new Document("_id", "deal-42").append("n", -42));
            assertThatThrownBy(() -> journeys.insertOne(new Document("_id", "deal-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });

        withCollection(ReadModelH2Backend.open(file, 1), journeys -> {
            assertThat(journeys.countDocuments()).isEqualTo(5_000);
            for (int i = 0; i < 5_000; i += 97) {
                assertThat(journeys.find(Filters.eq("_id", "deal-" + i)).first().getInteger("n"))
                        .isEqualTo(i == 42 ? -42 : i);
            }
            List<Integer> found = journeys.find(Filters.in("_id", "deal-3", "deal-4999", "deal-absent", "deal-42"))
                    .sort(Sorts.ascending("n")).map(document -> document.getInteger("n")).into(new ArrayList<>());
            assertThat(found).containsExactly(-42, 3, 4999);
            assertThatThrownBy(() -> journeys.bulkWrite(List.of(
                    new com.mongodb.client.model.InsertOneModel<>(new Document("_id", "deal-1")))))
                    .isInstanceOf(MongoBulkWriteException.class);
        });
    }

    @Test
    void numericIdsThatMongoDbHoldsEqualAreOneKey() {
        withCollection(ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16), journeys -> {
            journeys.insertOne(new Document("_id", 1).append("kind", "int"));
            assertThatThrownBy(() -> journeys.insertOne(new Document("_id", 1.0)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            journeys.insertOne(new Document("_id", "1"));
            assertThat(journeys.find(Filters.eq("_id", 1L)).first().getString("kind")).isEqualTo("int");
            assertThat(journeys.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAndIndexAcrossAReopen() {
        Path file = dir.resolve("read-models.mv");
        withServer(ReadModelH2Backend.open(file, 16), client -> {
            MongoCollection<Document> staging = client.getDatabase("pipelens").getCollection("staging");
            staging.insertOne(new Document("_id", "deal-1").append("v", 2));
            client.getDatabase("pipelens").getCollection("live").insertOne(new Document("_id", "deal-1"));
            staging.renameCollection(new MongoNamespace("pipelens", "live"),
                    new com.mongodb.client.model.RenameCollectionOptions().dropTarget(true));
        });
        withServer(ReadModelH2Backend.open(file, 16), client -> {
            MongoCollection<Document> live = client.getDatabase("pipelens").getCollection("live");
            assertThat(live.find(Filters.eq("_id", "deal-1")).first().getInteger("v")).isEqualTo(2);
            assertThatThrownBy(() -> live.insertOne(new Document("_id", "deal-1")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(client.getDatabase("pipelens").listCollectionNames().into(new ArrayList<>()))
                    .containsExactly("live");
        });
    }

    @Test
    void aFileOfTheStockFormatIsDiscarded() {
        Path file = dir.resolve("read-models.mv");
        withCollection(new H2Backend(file.toString()), journeys -> journeys.insertOne(new Document("_id", "old")));

        withCollection(ReadModelH2Backend.open(file, 16), journeys -> {
            assertThat(journeys.countDocuments()).isZero();
            journeys.insertOne(new Document("_id", "new"));
        });
        withCollection(ReadModelH2Backend.open(file, 16),
                journeys -> assertThat(journeys.find().map(d -> d.get("_id")).into(new ArrayList<>()))
                        .containsExactly("new"));
    }

    @Test
    void aScanReturnsEveryMatchingDocumentOnceInIdOrderABatchAtATime() {
        Random random = new Random(11);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            documents.add(new Document("_id", "deal-" + random.nextInt(1_000_000) + "-" + i)
                    .append("pipelineId", random.nextInt(3) == 0 ? "other" : "sales")
                    .append("visits", List.of(new Document("stage", "s" + random.nextInt(5)))));
        }
        Collections.shuffle(documents, random);
        withCollection(ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16), journeys -> {
            journeys.insertMany(documents);
            List<String> ids = documents.stream().map(d -> d.getString("_id")).sorted().toList();
            List<String> sales = documents.stream().filter(d -> d.get("pipelineId").equals("sales"))
                    .map(d -> d.getString("_id")).sorted().toList();

            assertThat(journeys.find().batchSize(100).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .isEqualTo(ids);
            assertThat(journeys.find(Filters.eq("pipelineId", "sales")).batchSize(7)
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).isEqualTo(sales);
            assertThat(journeys.find(Filters.eq("pipelineId", "sales")).batchSize(7).first())
                    .isEqualTo(documents.stream().filter(d -> d.getString("_id").equals(sales.get(0)))
                            .findFirst().orElseThrow());
            // the stock paths: a sort, a limit, an _id lookup
            assertThat(journeys.find().sort(Sorts.descending("_id")).batchSize(100)
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).isEqualTo(reversed(ids));
            assertThat(journeys.find().limit(10).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .isEqualTo(ids.subList(0, 10));
            assertThat(journeys.find(Filters.in("_id", ids.get(5), ids.get(6))).batchSize(1)
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly(ids.get(5), ids.get(6));
        });
    }

    @Test
    void aScanReadsEachBatchFromTheCollectionAsItThenIsAsAMongoDbCursorDoes() {
        withCollection(ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16), journeys -> {
            for (int i = 10; i < 60; i++) {
                journeys.insertOne(new Document("_id", "deal-" + i).append("version", 1));
            }
            List<String> seen = new ArrayList<>();
            try (var cursor = journeys.find().batchSize(20).iterator()) {
                for (int i = 0; i < 20; i++) {
                    seen.add(cursor.next().getString("_id"));
                }
                // written after the first batch: one ahead of the cursor, one behind it, one changed ahead of it
                journeys.insertOne(new Document("_id", "deal-99").append("version", 1));
                journeys.insertOne(new Document("_id", "deal-00").append("version", 1));
                journeys.replaceOne(Filters.eq("_id", "deal-50"), new Document("_id", "deal-50").append("version", 2));
                while (cursor.hasNext()) {
                    Document document = cursor.next();
                    seen.add(document.getString("_id"));
                    if (document.getString("_id").equals("deal-50")) {
                        assertThat(document.getInteger("version")).isEqualTo(2);
                    }
                }
            }
            // a cursor that held every matching document from the start would miss deal-99 and see version 1
            assertThat(seen).doesNotHaveDuplicates().contains("deal-99").doesNotContain("deal-00").hasSize(51);
        });
    }

    @Test
    void aScanLeavesNoCursorBehindWhenReadToItsEndOrClosedEarly() {
        ReadModelH2Backend backend = ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16);
        withCollection(backend, journeys -> {
            for (int i = 0; i < 250; i++) {
                journeys.insertOne(new Document("_id", String.format("deal-%03d", i)).append("won", i % 50 == 0));
            }
            assertThat(journeys.find().batchSize(100).into(new ArrayList<>())).hasSize(250);
            assertThat(backend.openCursors()).isZero();
            // only every 50th matches, so each batch of 2 reads past many documents that do not
            assertThat(journeys.find(Filters.eq("won", true)).batchSize(2).map(d -> d.getString("_id"))
                    .into(new ArrayList<>())).containsExactly("deal-000", "deal-050", "deal-100", "deal-150", "deal-200");
            try (var cursor = journeys.find().batchSize(10).iterator()) {
                cursor.next();
                assertThat(backend.openCursors()).isEqualTo(1);
            }
            assertThat(backend.openCursors()).isZero();
        });
    }

    @Test
    void aScanSkipsADocumentDeletedAheadOfItAndFailsWhenItsCollectionIsDropped() {
        withServer(ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16), client -> {
            MongoCollection<Document> journeys = client.getDatabase("pipelens").getCollection("deal_journeys");
            for (int i = 0; i < 100; i++) {
                journeys.insertOne(new Document("_id", String.format("deal-%03d", i)));
            }
            List<String> seen = new ArrayList<>();
            try (var cursor = journeys.find().batchSize(10).iterator()) {
                for (int i = 0; i < 10; i++) {
                    seen.add(cursor.next().getString("_id"));
                }
                journeys.deleteOne(Filters.eq("_id", "deal-042"));
                cursor.forEachRemaining(d -> seen.add(d.getString("_id")));
            }
            assertThat(seen).hasSize(99).doesNotContain("deal-042").doesNotHaveDuplicates();

            try (var cursor = journeys.find().batchSize(10).iterator()) {
                cursor.next();
                journeys.drop();
                assertThatThrownBy(() -> cursor.forEachRemaining(d -> { }))
                        .isInstanceOf(MongoException.class).hasMessageContaining("dropped or replaced");
            }
        });
    }

    @Test
    void readInProcessAfterAReopenEveryDocumentIsWhatTheDriverReadsOverTheWire() {
        Path file = dir.resolve("read-models.mv");
        withCollection(ReadModelH2Backend.open(file, 1), journeys -> {
            Random random = new Random(11);
            for (int i = 0; i < 2_500; i++) {
                Document document = randomDocument(String.format("deal-%05d", random.nextInt(100_000)), random);
                journeys.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
            }
            journeys.insertOne(new Document("_id", "other-kinds")
                    .append("pattern", new BsonRegularExpression("^deal", "i"))
                    .append("at", new BsonTimestamp(1_700_000_000, 3))
                    .append("low", new MinKey()).append("high", new MaxKey())
                    .append("nested", new Document("code", new Code("x => x"))));
        });

        ReadModelH2Backend reopened = ReadModelH2Backend.open(file, 1);
        withCollection(reopened, journeys -> {
            List<Document> overTheWire = journeys.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            try (Stream<Document> inProcess = reopened.documents("pipelens", "deal_journeys",
                    journeys.getCodecRegistry().get(Document.class))) {
                assertThat(inProcess.toList()).hasSizeGreaterThan(2_000).isEqualTo(overTheWire);
            }
            try (Stream<Document> none = reopened.documents("pipelens", "no_such_collection",
                    journeys.getCodecRegistry().get(Document.class))) {
                assertThat(none).isEmpty();
            }
        });
    }

    @Test
    void readInProcessACollectionDroppedMeanwhileFailsItsNextBatch() {
        ReadModelH2Backend backend = ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16);
        withCollection(backend, journeys -> {
            for (int i = 0; i < 2_500; i++) {
                journeys.insertOne(new Document("_id", String.format("deal-%05d", i)));
            }
            try (Stream<Document> inProcess = backend.documents("pipelens", "deal_journeys",
                    journeys.getCodecRegistry().get(Document.class))) {
                Iterator<Document> documents = inProcess.iterator();
                assertThat(documents.next().getString("_id")).isEqualTo("deal-00000");
                journeys.drop();
                assertThatThrownBy(() -> documents.forEachRemaining(d -> { }))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dropped or replaced");
            }
        });
    }

    @Test
    void pagesInIdOrderAreTheStockBackendsPages() {
        Random random = new Random(5);
        String[] alphabet = {"a", "B", "z", "0", "9", "-", "é", "ｚ", "😀", "ß", "_"};
        List<Document> deals = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder id = new StringBuilder("deal-");
            for (int c = random.nextInt(4) + 1; c > 0; c--) {
                id.append(alphabet[random.nextInt(alphabet.length)]);
            }
            deals.add(new Document("_id", id.append('-').append(i).toString())
                    .append("status", List.of("OPEN", "WON", "LOST").get(random.nextInt(3))));
        }
        List<List<String>> stock = new ArrayList<>();
        withCollection(new MemoryBackend(), journeys -> {
            journeys.insertMany(deals);
            stock.addAll(pages(journeys));
        });
        ReadModelH2Backend backend = ReadModelH2Backend.open(dir.resolve("read-models.mv"), 16);
        withCollection(backend, journeys -> {
            journeys.insertMany(deals);
            assertThat(pages(journeys)).isEqualTo(stock);
            assertThat(journeys.find(Filters.eq("_id", "deal-a-7")).sort(Sorts.ascending("_id")).limit(1)
                    .into(new ArrayList<>())).isEqualTo(deals.stream().filter(d -> d.get("_id").equals("deal-a-7"))
                    .toList());
        });
        assertThat(stock.stream().mapToInt(List::size).sum()).isGreaterThan(3_000);
    }

    @Test
    void aPageInIdOrderOverIdsOfOtherKindsIsTheStockBackendsPage() {
        List<Document> mixed = new ArrayList<>();
        for (String id : List.of("deal-1", "deal-2", "deal-3", "deal-4")) {
            mixed.add(new Document("_id", id));
        }
        List<Object> others = new ArrayList<>(List.of(new Decimal128(new BigDecimal("5.5")), new MinKey(), true, 7,
                new ObjectId("65a1b2c3d4e5f60718293a4b"), new Date(1_700_000_000_000L)));
        others.add(null);
        List<List<Object>> stock = new ArrayList<>();
        List<List<Object>> readModels = new ArrayList<>();
        for (Object other : others) {
            List<Document> documents = new ArrayList<>(mixed);
            documents.add(new Document("_id", other));
            withCollection(new MemoryBackend(), journeys -> {
                journeys.insertMany(documents);
                stock.add(firstIds(journeys));
            });
            withCollection(ReadModelH2Backend.open(dir.resolve("mixed-" + stock.size() + ".mv"), 16), journeys -> {
                journeys.insertMany(documents);
                readModels.add(firstIds(journeys));
            });
        }
        assertThat(readModels).isEqualTo(stock);
    }

    /** The first two ids in _id order, and the first two from "deal-2" on. */
    private static List<Object> firstIds(MongoCollection<Document> journeys) {
        List<Object> ids = new ArrayList<>();
        journeys.find().sort(Sorts.ascending("_id")).limit(2).forEach(d -> ids.add(d.get("_id")));
        journeys.find(Filters.gte("_id", "deal-2")).sort(Sorts.ascending("_id")).limit(2)
                .forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /** Every page of 20, unfiltered and by status, each after the last one's last id, as the deals list asks. */
    private static List<List<String>> pages(MongoCollection<Document> journeys) {
        List<List<String>> pages = new ArrayList<>();
        for (String status : new String[] {null, "WON"}) {
            String after = null;
            while (true) {
                List<org.bson.conversions.Bson> filters = new ArrayList<>();
                if (status != null) {
                    filters.add(Filters.eq("status", status));
                }
                if (after != null) {
                    filters.add(Filters.gt("_id", after));
                }
                List<String> page = journeys.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                        .sort(Sorts.ascending("_id")).limit(21).map(d -> d.getString("_id")).into(new ArrayList<>());
                pages.add(page);
                if (page.size() < 21) {
                    break;
                }
                after = page.get(19);
            }
        }
        return pages;
    }

    /**
     * A journey-like document with values of the kinds read models hold, some of them null; one in ten also holds a
     * binary, a kind copied through BSON.
     */
    private static Document randomDocument(String id, Random random) {
        Document document = new Document("_id", id).append("pipelineId", "p" + random.nextInt(3))
                .append("sequence", random.nextLong()).append("won", random.nextBoolean())
                .append("amount", random.nextBoolean() ? null
                        : new Decimal128(BigDecimal.valueOf(random.nextInt(1_000_000), 2)))
                .append("ratio", random.nextDouble()).append("count", random.nextInt())
                .append("ref", new ObjectId(new Date(random.nextInt(2_000_000_000) * 1000L), random.nextInt(1 << 24)));
        if (random.nextInt(10) == 0) {
            document.append("blob", new Binary(new byte[] {(byte) random.nextInt()}));
        }
        List<Document> visits = new ArrayList<>();
        for (int v = random.nextInt(6); v > 0; v--) {
            visits.add(new Document("stage", "stage-" + random.nextInt(9))
                    .append("enteredAt", new Date(1_600_000_000_000L + random.nextInt(1_000_000_000)))
                    .append("criteria", List.of("c" + random.nextInt(4), "ü" + v)));
        }
        return document.append("visits", visits);
    }

    private static List<String> reversed(List<String> ids) {
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        return reversed;
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        withServer(backend, client -> use.accept(client.getDatabase("pipelens").getCollection("deal_journeys")));
    }

    private static void withServer(MongoBackend backend, Consumer<MongoClient> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client);
        } finally {
            server.shutdownNow();
        }
    }
}
