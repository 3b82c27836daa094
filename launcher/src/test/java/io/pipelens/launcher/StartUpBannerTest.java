package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The start-up banner says which stores are in use, and never a password, and where each service answers: the
 * address it listens on.
 */
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

    private static MockEnvironment listening(String address, int port) {
        MockEnvironment service = new MockEnvironment().withProperty("local.server.port", String.valueOf(port));
        return address == null ? service : service.withProperty("server.address", address);
    }

    /** The banner with the command service on {@code commandAddress}:8081, the query service on queryAddress:8082. */
    private static String banner(String commandAddress, String queryAddress) {
        return PipelensLauncher.banner(Duration.ofMillis(4200), listening(commandAddress, 8081),
                listening(queryAddress, 8082));
    }

    @Test
    void theBannerShowsTheLoopbackAddressByDefault() {
        assertThat(banner("127.0.0.1", "127.0.0.1")).contains("Pipelens is up in 4.2 s")
                .contains("command service: GraphiQL http://127.0.0.1:8081/graphiql   batch: POST "
                        + "/api/commands/batch\n")
                .contains("query service:   GraphiQL http://127.0.0.1:8082/graphiql   metrics: /actuator/prometheus\n")
                .doesNotContain("every interface");
    }

    @Test
    void theBannerShowsTheAddressEachServiceListensOn() {
        assertThat(banner("192.168.7.20", "::1"))
                .contains("command service: GraphiQL http://192.168.7.20:8081/graphiql")
                .contains("query service:   GraphiQL http://[::1]:8082/graphiql")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aServiceOnEveryInterfaceIsShownAtTheLoopbackAddressSayingSo() {
        assertThat(banner("0.0.0.0", "::")).contains("command service: GraphiQL http://127.0.0.1:8081/graphiql   "
                        + "batch: POST /api/commands/batch (every interface: server.address=0.0.0.0)")
                .contains("query service:   GraphiQL http://127.0.0.1:8082/graphiql   metrics: /actuator/prometheus "
                        + "(every interface: server.address=::)");
        assertThat(ListeningAddress.of(listening(null, 8081)).remark())
                .isEqualTo(" (every interface: server.address is not set)");
        assertThat(ListeningAddress.of(listening("pipelens.example", 8081)))
                .isEqualTo(new ListeningAddress("http://pipelens.example:8081", ""));
    }
}
