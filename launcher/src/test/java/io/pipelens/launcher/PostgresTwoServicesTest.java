package io.pipelens.launcher;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;

/**
 * The two-service contract on PostgreSQL, as in production. Runs with {@code -Ppostgres} and needs
 * {@code PIPELENS_TEST_POSTGRES_URL} (plus {@code _USER} and {@code _PASSWORD}); {@code .ci/run} installs and starts
 * PostgreSQL and sets them. Every test class run gets a fresh schema, so earlier runs leave nothing behind.
 */
@Tag("postgres")
class PostgresTwoServicesTest extends TwoServicesContract {

    private static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    List<String> storeArguments() {
        String url = System.getenv("PIPELENS_TEST_POSTGRES_URL");
        assertNotNull(url, "PIPELENS_TEST_POSTGRES_URL must name the PostgreSQL database for these tests");
        return List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_USER", "pipelens"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_PASSWORD", "pipelens"),
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA);
    }
}
