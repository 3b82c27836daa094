package io.pipelens.platform.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, reading each tracked event's timestamp once, writing timestamps without a general
 * formatter, and, where nothing takes snapshots, not looking for one at every aggregate load. Axon's engine parses the
 * timestamp string of every event it streams twice (once to decide whether a gap before it may still fill, once when
 * the message is built), with {@code java.time}'s general parser, which is costly at a replay's rate of events. Here
 * the entry parses it once, with {@link EventTimestamps}, and keeps the instant.
 *
 * <p>The tracking token is computed as Axon's engine computes it, from the same settings: the gap-aware token starts
 * with every position from {@code lowestGlobalSequence} up to the first event as a gap, and then advances with a
 * window of {@code maxGapOffset} positions; an event older than {@code gapTimeout} opens no gaps (the writers of any
 * gap before it are long done). {@code ParseOnceJdbcEventStorageEngineTest} holds the two engines to the same events
 * and tokens.
 */
public class ParseOnceJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final EventSchema schema;
    private final long lowestGlobalSequence;
    private final int maxGapOffset;
    private final int gapTimeout;
    private final boolean readsSnapshots;

    /**
     * @param builder              the builder, with {@code schema}, {@code lowestGlobalSequence}, {@code maxGapOffset}
     *                             and {@code gapTimeout} set to the values passed here (a builder does not tell them)
     * @param readsSnapshots       whether loading an aggregate looks for a snapshot of it first; false where nothing
     *                             takes snapshots, which spares every load from the event store one query
     */
    public ParseOnceJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventSchema schema,
                                           long lowestGlobalSequence, int maxGapOffset, int gapTimeout,
                                           boolean readsSnapshots) {
        super(builder.schema(schema).lowestGlobalSequence(lowestGlobalSequence).maxGapOffset(maxGapOffset)
                .gapTimeout(gapTimeout));
        this.schema = schema;
        this.lowestGlobalSequence = lowestGlobalSequence;
        this.maxGapOffset = maxGapOffset;
        this.gapTimeout = gapTimeout;
        this.readsSnapshots = readsSnapshots;
    }

    /** No snapshot, without asking the store, when snapshots are not read. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return readsSnapshots ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }

    /** Writes as Axon's engine does, with {@link EventTimestamps#format} rather than a general formatter. */
    @Override
    protected void writeTimestamp(PreparedStatement preparedStatement, int position, Instant timestamp)
            throws SQLException {
        preparedStatement.setString(position, EventTimestamps.format(timestamp));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestamp = resultSet.getString(schema.timestampColumn());
        ParsedTimestampEntry<?> event = new ParsedTimestampEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                timestamp,
                EventTimestamps.parse(timestamp),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));

        boolean mayHaveGaps = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(gapTimeout, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, mayHaveGaps
                    ? LongStream.range(Math.min(lowestGlobalSequence, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : new TreeSet<>());
        } else {
            token = previousToken.advanceTo(globalIndex, mayHaveGaps ? maxGapOffset : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** A stored event whose timestamp was parsed when it was read. */
    private static final class ParsedTimestampEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant parsed;

        ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                             String timestamp, Instant parsed, String payloadType, String payloadRevision, T payload,
                             T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.parsed = parsed;
        }

        @Override
        public Instant getTimestamp() {
            return parsed;
        }
    }
}
