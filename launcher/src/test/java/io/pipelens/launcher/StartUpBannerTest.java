package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up banner says which stores are in use, and never a password. */
class StartUpBannerTest {

    @Test
    void theEmbeddedDefaultNamesItsFiles() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("pipelens.data-dir", "./data")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/events;AUTO_SERVER=TRUE");

        assertThat(PipelensLauncher.storesInUse(environment, environment))
                .isEqualTo("event store: H2 file at ./data/events; read models: embedded MongoDB under ./data");
    }

    @Test
    void productionStoresAreNamedByHostAndDatabaseWithoutCredentials() {
        MockEnvironment command = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db.example:5432/pipelens?password=secret-1");
        MockEnvironment query = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db.example:5432/pipelens?password=secret-1")
                .withProperty("spring.data.mongodb.uri", "mongodb://reader:secret-2@mongo-1:27017,mongo-2/pipelens");

        assertThat(PipelensLauncher.storesInUse(command, query))
                .isEqualTo("event store: PostgreSQL at db.example:5432/pipelens; "
                        + "read models: MongoDB at mongo-1:27017,mongo-2/pipelens")
                .doesNotContain("secret");
    }

    @Test
    void embeddedReadModelsInMemorySaySo() {
        MockEnvironment query = new MockEnvironment().withProperty("pipelens.mongo.embedded.persistent", "false");
        MockEnvironment command = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");

        assertThat(PipelensLauncher.storesInUse(command, query))
                .isEqualTo("event store: H2 in memory (test); read models: embedded MongoDB in memory");
    }
}
