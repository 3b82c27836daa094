package io.pipelens.query;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.platform.mongo.ReadModelsOfAnotherStoreException;
import io.pipelens.query.deal.DealJourney;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The data directory of an embedded run kept while the service is pointed at another event store (as when moving to
 * PostgreSQL): its read models and tokens belong to the old store, so the service refuses to start rather than serve
 * the old store's deals and never show the new one's. Two H2 files stand for the two stores.
 */
class ReadModelsOfAnotherStoreTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void readModelsBuiltFromAnotherEventStoreAreNotServed() {
        projectOneDeal("events");

        assertThatThrownBy(() -> start("other-events").close())
                .hasRootCauseInstanceOf(ReadModelsOfAnotherStoreException.class)
                .rootCause().hasMessageContaining("were built from event store")
                .hasMessageContaining("H2 file at " + dataDir.resolve("other-events"))
                .hasMessageContaining("delete " + dataDir.resolve("read-models.mv"));
        assertThat(dataDir.resolve("read-models.mv.open")).as("the embedded MongoDB stopped, so the process can exit")
                .doesNotExist();
    }

    @Test
    void tokensBeyondTheEventStoresNewestEventAreNotServed() throws Exception {
        projectOneDeal("events");
        try (Connection connection = DriverManager.getConnection(url("events"), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM domain_event_entry"); // as if restored from a backup older than the tokens
        }

        assertThatThrownBy(() -> start("events").close())
                .hasRootCauseInstanceOf(ReadModelsOfAnotherStoreException.class)
                .rootCause().hasMessageContaining("stands beyond the newest event of the event store in use");
    }

    /** The case as met: an embedded run's data directory kept when the service is moved to a new PostgreSQL. */
    @Test
    @Tag("postgres")
    void anEmbeddedRunsReadModelsAreNotServedFromPostgreSql() {
        projectOneDeal("events");
        String url = System.getenv("PIPELENS_TEST_POSTGRES_URL");
        assertThat(url).as("PIPELENS_TEST_POSTGRES_URL").isNotNull();
        String schema = "origin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        assertThatThrownBy(() -> startOn(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_USER",
                        "pipelens"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_PASSWORD",
                        "pipelens"),
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema).close())
                .hasRootCauseInstanceOf(ReadModelsOfAnotherStoreException.class)
                .rootCause().hasMessageContaining("but the event store in use (PostgreSQL at ");
    }

    private void projectOneDeal(String events) {
        List<DealEvent> deal = aDealWonFromQualification("origin-1");
        try (ConfigurableApplicationContext service = start(events)) {
            service.getBean(EventStore.class).publish(asMessages(deal));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(
                    service.getBean(MongoTemplate.class).findById("origin-1", DealJourney.class))
                    .isEqualTo(journeyOf(deal)));
        }
    }

    private ConfigurableApplicationContext start(String events) {
        return startOn(url(events));
    }

    private ConfigurableApplicationContext startOn(String url, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                "--server.port=0",
                "--pipelens.data-dir=" + dataDir,
                "--spring.datasource.url=" + url));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(QueryServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private String url(String events) {
        return "jdbc:h2:file:" + dataDir.resolve(events);
    }
}
