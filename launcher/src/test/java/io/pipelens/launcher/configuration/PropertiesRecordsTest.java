package io.pipelens.launcher.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.command.batch.BatchProperties;
import io.pipelens.demo.DemoProperties;
import io.pipelens.platform.config.ProcessingProperties;
import io.pipelens.platform.config.StoreProperties;
import io.pipelens.platform.eventstore.EventStoreProperties;
import io.pipelens.platform.graphql.GraphQlLimits;
import io.pipelens.query.MetricsProperties;
import io.pipelens.query.analytics.AnalyticsProperties;
import io.pipelens.query.deal.QueryProperties;
import io.pipelens.query.processing.ReplayProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.unit.DataSize;

/**
 * The {@code pipelens.*} records of every module, bound as Spring Boot binds them at start-up: their defaults, and a
 * bad value refused with a message that names the key (Spring Boot then stops the start and prints it).
 */
class PropertiesRecordsTest {

    /** Package-private, as everything of the importer but its entry point. */
    private static final Class<?> IMPORT = importProperties();

    private static final Map<String, Class<?>> RECORDS = Stream.of(StoreProperties.class, ProcessingProperties.class,
                    GraphQlLimits.class, EventStoreProperties.class, BatchProperties.class, IMPORT,
                    DemoProperties.class, ReplayProperties.class, MetricsProperties.class, QueryProperties.class,
                    AnalyticsProperties.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @Test
    void defaultsComeFromTheRecords() {
        Binder none = binder(Map.of());
        assertThat(none.bindOrCreate("pipelens", StoreProperties.class)).isEqualTo(new StoreProperties(
                "./data", new StoreProperties.Mongo(new StoreProperties.Embedded(true, true, 0, 64))));
        assertThat(none.bindOrCreate("pipelens.processing", ProcessingProperties.class))
                .isEqualTo(new ProcessingProperties(1, 1, 5000, Duration.ofSeconds(10)));
        assertThat(none.bindOrCreate("pipelens.graphql", GraphQlLimits.class))
                .isEqualTo(new GraphQlLimits(15, 1000, 50, DataSize.ofKilobytes(256)));
        assertThat(none.bindOrCreate("pipelens.event-store", EventStoreProperties.class))
                .isEqualTo(new EventStoreProperties(500, Duration.ofSeconds(60), Duration.ofMillis(20)));
        assertThat(none.bindOrCreate("pipelens.batch", BatchProperties.class))
                .isEqualTo(new BatchProperties(1000, DataSize.ofMegabytes(4)));
        assertThat(none.bindOrCreate("pipelens.import", IMPORT))
                .hasToString("ImportProperties[maxBytes=52428800B, maxRows=1000000, threads=2, batchDeals=100]");
        assertThat(none.bindOrCreate("pipelens.demo", DemoProperties.class)).isEqualTo(new DemoProperties(0, 42, null));
        assertThat(none.bindOrCreate("pipelens.replay", ReplayProperties.class))
                .isEqualTo(new ReplayProperties(0, Duration.ofMillis(250)));
        assertThat(none.bindOrCreate("pipelens.metrics", MetricsProperties.class))
                .isEqualTo(new MetricsProperties(Duration.ofSeconds(15)));
        assertThat(none.bindOrCreate("pipelens.query", QueryProperties.class)).isEqualTo(new QueryProperties(500));
        assertThat(none.bindOrCreate("pipelens.analytics", AnalyticsProperties.class))
                .isEqualTo(new AnalyticsProperties(3));
    }

    @Test
    void threadsFollowTheSegmentsUnlessSet() {
        assertThat(binder(Map.of("pipelens.processing.segments", "4"))
                .bindOrCreate("pipelens.processing", ProcessingProperties.class).threads()).isEqualTo(4);
        assertThat(binder(Map.of("pipelens.processing.segments", "4", "pipelens.processing.threads", "1"))
                .bindOrCreate("pipelens.processing", ProcessingProperties.class).threads()).isEqualTo(1);
    }

    @Test
    void sizesTakeBytesOrAUnitAndTheDemoAnInstant() {
        assertThat(binder(Map.of("pipelens.import.max-bytes", "1048576")).bindOrCreate("pipelens.import", IMPORT))
                .hasToString("ImportProperties[maxBytes=1048576B, maxRows=1000000, threads=2, batchDeals=100]");
        assertThat(binder(Map.of("pipelens.demo.as-of", "2026-01-01T00:00:00Z"))
                .bindOrCreate("pipelens.demo", DemoProperties.class).asOf())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ProcessingProperties; pipelens.processing; pipelens.processing.segments; 0; at least 1, got 0",
        "ProcessingProperties; pipelens.processing; pipelens.processing.claim-timeout; 0s;"
                + " a positive duration, such as 10s, got PT0S",
        "StoreProperties; pipelens; pipelens.mongo.embedded.port; 70000;"
                + " 0 (any free port) or a port number up to 65535, got 70000",
        "GraphQlLimits; pipelens.graphql; pipelens.graphql.max-depth; 0; at least 1, got 0",
        "EventStoreProperties; pipelens.event-store; pipelens.event-store.fetch-delay; -1ms;"
                + " a positive duration, such as 10s, got PT-0.001S",
        "BatchProperties; pipelens.batch; pipelens.batch.max-items; 0; at least 1, got 0",
        "ImportProperties; pipelens.import; pipelens.import.threads; 0; at least 1, got 0",
        "DemoProperties; pipelens.demo; pipelens.demo.deals; -1; at least 0, got -1",
        "ReplayProperties; pipelens.replay; pipelens.replay.switch-check; 0ms;"
                + " a positive duration, such as 10s, got PT0S",
        "MetricsProperties; pipelens.metrics; pipelens.metrics.refresh; 0s; a positive duration, such as 10s, got PT0S",
        "QueryProperties; pipelens.query; pipelens.query.max-page-size; 0; at least 1, got 0",
        "AnalyticsProperties; pipelens.analytics; pipelens.analytics.kept-versions; 0; at least 1, got 0"})
    void aBadValueIsRefusedNamingItsKey(String record, String prefix, String key, String value, String rule) {
        Class<?> type = RECORDS.get(record);
        assertThatThrownBy(() -> binder(Map.of(key, value)).bindOrCreate(prefix, type))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .hasMessage(key + ": must be " + rule));
    }

    private static Class<?> importProperties() {
        try {
            return Class.forName("io.pipelens.command.importing.ImportProperties");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
