package io.pipelens.platform.eventstore;

import io.pipelens.platform.StoreDescriptions;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store: Axon's JDBC storage engine over the configured data source (an H2 file by default, PostgreSQL in
 * production), with gap-aware global-sequence tracking. The tables come from the Flyway migrations of this module;
 * Axon never creates them.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    /** The first global index the event table hands out (its identity column starts at 1); Axon's default. */
    static final long LOWEST_GLOBAL_INDEX = 1;
    /** How many positions behind the newest a gap may still be waited for; Axon's default. */
    static final int MAX_GAP_OFFSET = 10_000;

    /** Lower-case, snake-case names: unquoted identifiers then mean the same on H2 and PostgreSQL. */
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Recognises the event store's unique (aggregate, sequence) index refusing an append, so Axon reports a lost race
     * as a {@code ConcurrencyException} rather than a bare {@code EventStoreException}. Axon appends with a JDBC batch,
     * and the drivers report the violation as a {@code BatchUpdateException} carrying SQL state 23505 (unique
     * violation, the same on H2 and PostgreSQL) that is not a {@code SQLIntegrityConstraintViolationException}, which
     * is all Axon's {@code JdbcSQLErrorCodesResolver} looks for.
     */
    public static PersistenceExceptionResolver duplicateKeys() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** Axon's JDBC engine on the Pipelens schema, with a gap-aware global sequence. */
    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(duplicateKeys())
                .dataType(byte[].class)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .batchSize(properties.batchSize())
                .schema(eventSchema())
                .lowestGlobalSequence(LOWEST_GLOBAL_INDEX)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .build();
    }

    @Bean
    public FlywayMigrationStrategy explainedMigrations() {
        return new ExplainedMigrations();
    }

    /** Read after the migrations, which create the identity. */
    @Bean
    @DependsOnDatabaseInitialization
    public EventStoreIdentity eventStoreIdentity(DataSource dataSource, Environment environment) {
        return new EventStoreIdentity(new JdbcTemplate(dataSource), StoreDescriptions.eventStore(environment));
    }

    /**
     * Axon's embedded store ({@link SignalledEventStore}); with {@link LocalAppends} in the context (both services in one
     * process), one the other service's store wakes.
     */
    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                 EventStoreProperties properties, ObjectProvider<LocalAppends> localAppends) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.spanFactory())
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS);
        return new SignalledEventStore(builder, localAppends.getIfAvailable());
    }
}
