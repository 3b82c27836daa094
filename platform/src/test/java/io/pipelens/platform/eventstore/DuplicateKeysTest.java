package io.pipelens.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event store must recognise its unique (aggregate, sequence) index refusing a batch append, the way Axon's JDBC
 * engine appends, so that a lost race between command-service instances is a ConcurrencyException (retried, then a
 * conflict) and not an internal error.
 */
class DuplicateKeysTest {

    private EventTable table;
    private Connection connection;

    @BeforeEach
    void createEventTable() throws Exception {
        table = EventTable.create("duplicate-keys");
        connection = table.connection();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        table.close();
    }

    @Test
    void aBatchAppendAtATakenSequenceIsADuplicateKey() throws SQLException {
        append("e-1", "deal:d-1", 0, "x");

        SQLException refused = catchThrowableOfType(SQLException.class, () -> append("e-2", "deal:d-1", 0, "x"));

        assertThat((Throwable) refused).isNotNull();
        assertThat(EventStoreConfiguration.duplicateKeys().isDuplicateKeyViolation(refused)).isTrue();
        assertThat(new JdbcSQLErrorCodesResolver().isDuplicateKeyViolation(refused))
                .as("Axon's default resolver misses the batch form, which is why the store uses its own").isFalse();
    }

    @Test
    void anotherIntegrityViolationIsNotTakenForARace() throws SQLException {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> append("e-3", "deal:d-2", 0, null));

        assertThat((Throwable) refused).isNotNull();
        assertThat(EventStoreConfiguration.duplicateKeys().isDuplicateKeyViolation(refused)).isFalse();
    }

    private void append(String eventId, String aggregateId, long sequence, String payloadType) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload) "
                + "VALUES (?, ?, ?, 'Deal', '2026-01-05T09:00:00Z', ?, X'7B7D')")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, payloadType);
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
