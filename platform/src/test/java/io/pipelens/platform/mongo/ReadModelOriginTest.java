package io.pipelens.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pipelens.platform.eventstore.EventStoreIdentity;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Read models and tokens belong to the event store they were built from: a service pointed at another store, or at a
 * store behind their tokens, refuses them instead of serving them as if nothing had happened.
 */
class ReadModelOriginTest {

    private static final String DATABASE = "pipelens";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + address());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, DATABASE).build();
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final TokenStore tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
            .build();

    private String address() {
        server.bind("127.0.0.1", 0);
        return "127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void readModelsFirstBuiltFromAStoreAreRecordedAsItsAndAcceptedAgain() {
        EventStoreIdentity store = eventStore(3);
        origin(store).verify();
        tokens.initializeTokenSegments("deal-journey", 1, new GapAwareTrackingToken(3, Set.of()));

        origin(store).verify();
        assertThat(origin(store).problem()).isEmpty();
        assertThat(client.getDatabase(DATABASE).getCollection(ReadModelOrigin.COLLECTION).find().first())
                .containsEntry("identity", store.id());
    }

    @Test
    void readModelsOfAnotherEventStoreAreRefused() {
        EventStoreIdentity embedded = eventStore(7);
        origin(embedded).verify();
        EventStoreIdentity postgres = eventStore(7);

        assertThatThrownBy(() -> origin(postgres).verify())
                .isInstanceOf(ReadModelsOfAnotherStoreException.class)
                .hasMessageContaining("built from event store " + embedded.id())
                .hasMessageContaining("is " + postgres.id())
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("delete ./data/read-models.mv");
        assertThat(origin(postgres).problem()).isPresent();
    }

    @Test
    void aTokenBeyondTheNewestEventIsRefused() {
        EventStoreIdentity store = eventStore(5);
        tokens.initializeTokenSegments("deal-journey", 1, new GapAwareTrackingToken(138_454, Set.of()));

        assertThatThrownBy(() -> origin(store).verify())
                .isInstanceOf(ReadModelsOfAnotherStoreException.class)
                .hasMessageContaining("processor 'deal-journey' segment 0 (global index 138454)")
                .hasMessageContaining("global index 5)");
    }

    @Test
    void aReplayWhoseEndIsBeyondTheNewestEventIsRefused() {
        EventStoreIdentity store = eventStore(5);
        tokens.initializeTokenSegments("pipelines", 1, ReplayToken.createReplayToken(
                new GapAwareTrackingToken(900, Set.of()), new GapAwareTrackingToken(2, Set.of())));

        assertThat(origin(store).problem()).get().asString().contains("'pipelines' segment 0 (global index 900)");
    }

    @Test
    void unrecordedReadModelsWithinTheStoreAreTakenAsItsOwn() {
        EventStoreIdentity store = eventStore(5);
        tokens.initializeTokenSegments("deal-journey", 1, new GapAwareTrackingToken(5, Set.of()));

        origin(store).verify();

        assertThatThrownBy(() -> origin(eventStore(5)).verify())
                .hasMessageContaining("built from event store " + store.id());
    }

    @Test
    void healthIsDownWhileTheReadModelsBelongToAnotherStore() {
        EventStoreIdentity embedded = eventStore(1);
        origin(embedded).verify();

        assertThat(new ReadModelOriginHealthIndicator(origin(embedded)).health().getStatus()).isEqualTo(Status.UP);
        var health = new ReadModelOriginHealthIndicator(origin(eventStore(1))).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problem").toString()).contains(embedded.id());
    }

    private ReadModelOrigin origin(EventStoreIdentity store) {
        return new ReadModelOrigin(client.getDatabase(DATABASE), template.trackingTokensCollection(), serializer,
                store, "delete ./data/read-models.mv");
    }

    /** A fresh, migrated H2 event store holding {@code events} events. */
    private static EventStoreIdentity eventStore(int events) {
        String url = "jdbc:h2:mem:origin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        for (int i = 0; i < events; i++) {
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                    + "time_stamp, payload_type, payload) VALUES (?, 'deal-1', ?, '2026-01-01T00:00:00Z', 'x', ?)",
                    UUID.randomUUID().toString(), i, new byte[] {1});
        }
        return new EventStoreIdentity(jdbc, "H2 in memory");
    }
}
