package io.pipelens.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage engine that parses each timestamp once streams the same events, with the same timestamps and the same
 * gap-aware tokens, as Axon's own engine over the same table: gaps before recent events, none before old ones, read
 * from the start and from a token part-way.
 */
class ParseOnceJdbcEventStorageEngineTest {

    private static final int GAP_TIMEOUT = 60_000;
    private EventTable table;
    private Connection connection;

    @BeforeEach
    void createEventTable() throws Exception {
        table = EventTable.create("parse-once");
        connection = table.connection();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        table.close();
    }

    @Test
    void streamsWhatAxonsEngineStreams() throws SQLException {
        Random random = new Random(11);
        Instant now = Instant.now();
        long globalIndex = 3;
        for (int i = 0; i < 300; i++) {
            // Old events first (past the gap timeout: no gaps wait for them), then recent ones, with gaps throughout.
            Instant at = i < 150 ? now.minus(400 - i, ChronoUnit.DAYS).plusNanos(random.nextInt(1_000_000_000))
                    : now.minusMillis(random.nextInt(GAP_TIMEOUT / 2));
            append(globalIndex, "e-" + i, "deal:d-" + (i % 17), i / 17, DateTimeUtils.formatInstant(at));
            globalIndex += random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(4);
        }

        List<? extends TrackedEventMessage<?>> expected = read(axons(), null);
        List<? extends TrackedEventMessage<?>> actual = read(parsingOnce(), null);

        assertThat(actual).hasSize(300).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSame(actual.get(i), expected.get(i));
        }
        assertThat(expected.get(expected.size() - 1).trackingToken().toString()).as("recent events leave gaps")
                .contains("gaps=[").doesNotContain("gaps=[]");

        TrackingToken partWay = expected.get(200).trackingToken();
        List<? extends TrackedEventMessage<?>> fromToken = read(parsingOnce(), partWay);
        List<? extends TrackedEventMessage<?>> axonsFromToken = read(axons(), partWay);
        assertThat(fromToken).hasSameSizeAs(axonsFromToken).isNotEmpty();
        for (int i = 0; i < fromToken.size(); i++) {
            assertSame(fromToken.get(i), axonsFromToken.get(i));
        }
    }

    @Test
    void aRecentFirstEventWaitsForEveryPositionBeforeIt() throws SQLException {
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            append(6 + 2L * i, "r-" + i, "deal:r", i, DateTimeUtils.formatInstant(now.minusMillis(10 - i)));
        }

        List<? extends TrackedEventMessage<?>> expected = read(axons(), null);
        List<? extends TrackedEventMessage<?>> actual = read(parsingOnce(), null);

        assertThat(actual).hasSize(5).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSame(actual.get(i), expected.get(i));
        }
        assertThat(((GapAwareTrackingToken) actual.get(0).trackingToken()).getGaps()).containsExactly(1L, 2L, 3L, 4L,
                5L);
    }

    @Test
    void looksForSnapshotsOnlyWhereSnapshotsAreRead() {
        axons().storeSnapshot(new GenericDomainEventMessage<>("Deal", "deal:s", 4, "state at 4"));

        assertThat(parsingOnce(true).readSnapshot("deal:s")).as("reading snapshots")
                .hasValueSatisfying(snapshot -> {
                    assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
                    assertThat(snapshot.getPayload()).isEqualTo("state at 4");
                });
        assertThat(axons().readSnapshot("deal:s")).as("Axon's engine").isPresent();
        assertThat(parsingOnce(false).readSnapshot("deal:s")).as("not reading snapshots").isEmpty();
    }

    private static void assertSame(TrackedEventMessage<?> actual, TrackedEventMessage<?> expected) {
        assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
        assertThat(actual.getTimestamp()).as(expected.getIdentifier()).isEqualTo(expected.getTimestamp());
        // A gap-aware token's equals compares the index only: the gaps are compared here too.
        GapAwareTrackingToken token = (GapAwareTrackingToken) actual.trackingToken();
        GapAwareTrackingToken expectedToken = (GapAwareTrackingToken) expected.trackingToken();
        assertThat(token.getIndex()).as(expected.getIdentifier()).isEqualTo(expectedToken.getIndex());
        assertThat(token.getGaps()).as(expected.getIdentifier()).isEqualTo(expectedToken.getGaps());
        DomainEventMessage<?> domain = (DomainEventMessage<?>) actual;
        DomainEventMessage<?> expectedDomain = (DomainEventMessage<?>) expected;
        assertThat(domain.getAggregateIdentifier()).isEqualTo(expectedDomain.getAggregateIdentifier());
        assertThat(domain.getSequenceNumber()).isEqualTo(expectedDomain.getSequenceNumber());
        assertThat(domain.getType()).isEqualTo(expectedDomain.getType());
    }

    private static List<? extends TrackedEventMessage<?>> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    private JdbcEventStorageEngine axons() {
        return builder().schema(EventStoreConfiguration.eventSchema())
                .lowestGlobalSequence(EventStoreConfiguration.LOWEST_GLOBAL_INDEX)
                .maxGapOffset(EventStoreConfiguration.MAX_GAP_OFFSET).gapTimeout(GAP_TIMEOUT).build();
    }

    private JdbcEventStorageEngine parsingOnce() {
        return parsingOnce(true);
    }

    private JdbcEventStorageEngine parsingOnce(boolean readsSnapshots) {
        return new ParseOnceJdbcEventStorageEngine(builder(), EventStoreConfiguration.eventSchema(),
                EventStoreConfiguration.LOWEST_GLOBAL_INDEX, EventStoreConfiguration.MAX_GAP_OFFSET, GAP_TIMEOUT,
                readsSnapshots);
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection("jdbc:h2:mem:parse-once"))
                .transactionManager(NoTransactionManager.instance())
                .dataType(byte[].class)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .batchSize(40);
    }

    private void append(long globalIndex, String eventId, String aggregateId, long sequence, String timestamp)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, "
                + "meta_data) VALUES (?, ?, ?, ?, 'Deal', ?, 'java.lang.String', X'227822', X'7B7D')")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, eventId);
            insert.setString(3, aggregateId);
            insert.setLong(4, sequence);
            insert.setString(5, timestamp);
            insert.executeUpdate();
        }
    }
}
