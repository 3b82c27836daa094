package io.pipelens.platform.eventstore;

import io.pipelens.platform.StoreConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Runs the event store's migrations, and says what to do when the database refuses them for want of a privilege.
 * Since PostgreSQL 15, only the database's owner (or a user granted CREATE on it) may create tables in schema
 * {@code public}; a database created the usual way ({@code CREATE DATABASE ...; GRANT ALL ON DATABASE ... TO ...})
 * does not give that, and Flyway's own message ("permission denied for schema public") does not say it.
 */
public class ExplainedMigrations implements FlywayMigrationStrategy {

    /** SQL state {@code insufficient_privilege}, the same on PostgreSQL and H2. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            Optional<SQLException> denied = insufficientPrivilege(e);
            if (denied.isEmpty()) {
                throw e;
            }
            throw explain(flyway.getConfiguration().getDataSource(), denied.get(), e);
        }
    }

    private static Optional<SQLException> insufficientPrivilege(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static StoreConfigurationException explain(DataSource dataSource, SQLException denied,
                                                       FlywayException failure) {
        String user = "<user>";
        String database = "<database>";
        try (Connection connection = dataSource.getConnection()) {
            user = connection.getMetaData().getUserName();
            database = connection.getCatalog();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        String refusal = denied.getMessage().lines().findFirst().orElse(""); // PostgreSQL adds a Position line
        return new StoreConfigurationException("The event store's migrations were refused: " + refusal
                + " (user " + user + ", database " + database + "). The user needs to create tables in the schema; "
                + "since PostgreSQL 15 only the database's owner may in schema public, and GRANT ALL ON DATABASE "
                + "does not give it.",
                "As a superuser, make the user the database's owner: ALTER DATABASE " + database + " OWNER TO "
                        + user + "; or, connected to database " + database + ", let it create tables there: GRANT "
                        + "CREATE ON SCHEMA public TO " + user + ". Then start again (docs/operations.md).",
                failure);
    }
}
