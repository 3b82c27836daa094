package io.pipelens.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.pipelens.platform.config.StoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded read-model file is trusted after a clean shutdown and rebuilt after a crash, when its read models and
 * tokens may disagree (a token past events whose read-model writes the file lost).
 */
class EmbeddedMongoCrashTest {

    @TempDir
    Path dataDir;

    private final EmbeddedMongoConfiguration configuration = new EmbeddedMongoConfiguration();

    @Test
    void readModelsSurviveACleanShutdown() throws Exception {
        StoreProperties environment = StoreProperties.of(environment());
        MongoServer server = server(environment);
        write(server, "deal-1");
        configuration.embeddedMongoShutdownMarker(server, environment).destroy();

        MongoServer restarted = server(environment);
        try {
            assertThat(ids(restarted)).containsExactly("deal-1");
        } finally {
            configuration.embeddedMongoShutdownMarker(restarted, environment).destroy();
        }
        assertThat(dataDir.resolve("read-models.mv.open")).doesNotExist();
    }

    @Test
    void readModelsOfAProcessThatDiedWithTheFileOpenAreDiscarded() throws Exception {
        StoreProperties environment = StoreProperties.of(environment());
        MongoServer server = server(environment);
        write(server, "deal-1");
        server.shutdownNow(); // the process dies: the clean-shutdown step never runs
        assertThat(dataDir.resolve("read-models.mv.open")).exists();

        MongoServer restarted = server(environment);
        try {
            assertThat(ids(restarted)).isEmpty();
            write(restarted, "deal-2");
        } finally {
            configuration.embeddedMongoShutdownMarker(restarted, environment).destroy();
        }
        MongoServer again = server(environment);
        try {
            assertThat(ids(again)).containsExactly("deal-2");
        } finally {
            configuration.embeddedMongoShutdownMarker(again, environment).destroy();
        }
    }

    @Test
    void anInMemoryServerLeavesNoMarker() throws Exception {
        StoreProperties environment =
                StoreProperties.of(environment().withProperty("pipelens.mongo.embedded.persistent", "false"));
        MongoServer server = server(environment);
        configuration.embeddedMongoShutdownMarker(server, environment).destroy();
        assertThat(Files.list(dataDir)).isEmpty();
    }

    private MongoServer server(StoreProperties environment) throws Exception {
        return configuration.embeddedMongoServer(configuration.embeddedMongoBackend(environment), environment);
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("pipelens.data-dir", dataDir.toString());
    }

    private static void write(MongoServer server, String id) {
        try (MongoClient client = client(server)) {
            journeys(client).insertOne(new Document("_id", id));
        }
    }

    private static List<Object> ids(MongoServer server) {
        try (MongoClient client = client(server)) {
            return journeys(client).find().map(document -> document.get("_id")).into(new ArrayList<>());
        }
    }

    private static MongoClient client(MongoServer server) {
        var address = server.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    private static MongoCollection<Document> journeys(MongoClient client) {
        return client.getDatabase("pipelens").getCollection("deal_journeys");
    }
}
