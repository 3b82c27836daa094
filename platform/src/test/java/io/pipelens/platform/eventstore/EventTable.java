package io.pipelens.platform.eventstore;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An in-memory H2 database holding the event store's tables, as this module's migration creates them. */
final class EventTable implements AutoCloseable {

    private final Connection connection;

    private EventTable(Connection connection) {
        this.connection = connection;
    }

    /** Creates the tables in the in-memory database {@code name}, which lives until {@link #close()}. */
    static EventTable create(String name) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (InputStream migration = EventTable.class.getResourceAsStream("/db/migration/h2/V1__event_store.sql");
             Statement statement = connection.createStatement()) {
            statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
        return new EventTable(connection);
    }

    Connection connection() {
        return connection;
    }

    /** Drops the database. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }
}
