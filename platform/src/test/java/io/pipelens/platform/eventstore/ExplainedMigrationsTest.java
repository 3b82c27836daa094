package io.pipelens.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.pipelens.platform.StoreConfigurationException;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that refuses the event store's tables for want of a privilege (PostgreSQL 15's "permission denied for
 * schema public") stops the start-up saying what the user needs; other migration failures pass through unchanged.
 */
class ExplainedMigrationsTest {

    @Test
    void aRefusedPrivilegeSaysWhatTheUserNeeds() {
        Flyway flyway = failingWith(new FlywayException("Migration V1__event_store.sql failed",
                new SQLException("ERROR: permission denied for schema public", "42501")));

        assertThatThrownBy(() -> new ExplainedMigrations().migrate(flyway))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("permission denied for schema public (user SA, database EXPLAINED)")
                .satisfies(e -> assertThat(((StoreConfigurationException) e).action())
                        .contains("ALTER DATABASE EXPLAINED OWNER TO SA")
                        .contains("GRANT CREATE ON SCHEMA public TO SA"));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        FlywayException checksum = new FlywayException("Validate failed: checksum mismatch");

        assertThatThrownBy(() -> new ExplainedMigrations().migrate(failingWith(checksum))).isSameAs(checksum);
    }

    /** PostgreSQL's own database, which a user other than its owner may not create tables in since version 15. */
    @Test
    @Tag("postgres")
    void postgreSqlRefusingSchemaPublicSaysWhatTheUserNeeds() {
        String url = System.getenv("PIPELENS_TEST_POSTGRES_URL");
        assertThat(url).as("PIPELENS_TEST_POSTGRES_URL").isNotNull();
        String user = System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_USER", "pipelens");
        Flyway flyway = Flyway.configure()
                .dataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"), user,
                        System.getenv().getOrDefault("PIPELENS_TEST_POSTGRES_PASSWORD", "pipelens"))
                .locations("classpath:db/migration/postgresql").load();

        assertThatThrownBy(() -> new ExplainedMigrations().migrate(flyway))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("permission denied for schema public")
                .satisfies(e -> assertThat(((StoreConfigurationException) e).action())
                        .contains("ALTER DATABASE postgres OWNER TO " + user)
                        .contains("GRANT CREATE ON SCHEMA public TO " + user));
    }

    private static Flyway failingWith(FlywayException failure) {
        Flyway flyway = mock(Flyway.class, RETURNS_DEEP_STUBS);
        when(flyway.migrate()).thenThrow(failure);
        when(flyway.getConfiguration().getDataSource())
                .thenReturn(new DriverManagerDataSource("jdbc:h2:mem:explained", "sa", ""));
        return flyway;
    }
}
