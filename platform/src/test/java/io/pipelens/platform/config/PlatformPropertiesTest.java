package io.pipelens.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.platform.eventstore.EventStoreProperties;
import io.pipelens.platform.graphql.GraphQlLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.unit.DataSize;

class PlatformPropertiesTest {

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
    }

    @Test
    void threadsFollowTheSegmentsUnlessSet() {
        assertThat(binder(Map.of("pipelens.processing.segments", "4"))
                .bindOrCreate("pipelens.processing", ProcessingProperties.class).threads()).isEqualTo(4);
        assertThat(binder(Map.of("pipelens.processing.segments", "4", "pipelens.processing.threads", "1"))
                .bindOrCreate("pipelens.processing", ProcessingProperties.class).threads()).isEqualTo(1);
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertRefused("pipelens.processing", ProcessingProperties.class, "pipelens.processing.segments", "0",
                "pipelens.processing.segments: must be at least 1, got 0");
        assertRefused("pipelens.processing", ProcessingProperties.class, "pipelens.processing.claim-timeout", "0s",
                "pipelens.processing.claim-timeout: must be a positive duration, such as 10s, got PT0S");
        assertRefused("pipelens", StoreProperties.class, "pipelens.mongo.embedded.port", "70000",
                "pipelens.mongo.embedded.port: must be 0 (any free port) or a port number up to 65535, got 70000");
        assertRefused("pipelens.graphql", GraphQlLimits.class, "pipelens.graphql.max-depth", "0",
                "pipelens.graphql.max-depth: must be at least 1, got 0");
        assertRefused("pipelens.event-store", EventStoreProperties.class, "pipelens.event-store.fetch-delay", "-1ms",
                "pipelens.event-store.fetch-delay: must be a positive duration, such as 10s, got PT-0.001S");
    }

    private static void assertRefused(String prefix, Class<?> type, String key, String value, String message) {
        assertThatThrownBy(() -> binder(Map.of(key, value)).bindOrCreate(prefix, type))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage(message));
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
