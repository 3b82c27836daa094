package io.pipelens.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.command.api.BatchProperties;
import io.pipelens.command.demo.DemoProperties;
import io.pipelens.command.importing.ImportProperties;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.unit.DataSize;

class CommandPropertiesTest {

    @Test
    void defaultsComeFromTheRecords() {
        Binder none = binder(Map.of());
        assertThat(none.bindOrCreate("pipelens.batch", BatchProperties.class))
                .isEqualTo(new BatchProperties(1000, DataSize.ofMegabytes(4)));
        assertThat(none.bindOrCreate("pipelens.import", ImportProperties.class))
                .isEqualTo(new ImportProperties(DataSize.ofMegabytes(50), 1_000_000, 2, 100));
        assertThat(none.bindOrCreate("pipelens.demo", DemoProperties.class)).isEqualTo(new DemoProperties(0, 42, null));
    }

    @Test
    void sizesTakeBytesOrAUnitAndTheDemoAnInstant() {
        assertThat(binder(Map.of("pipelens.import.max-bytes", "52428800"))
                .bindOrCreate("pipelens.import", ImportProperties.class).maxBytes()).isEqualTo(DataSize.ofMegabytes(50));
        assertThat(binder(Map.of("pipelens.demo.as-of", "2026-01-01T00:00:00Z"))
                .bindOrCreate("pipelens.demo", DemoProperties.class).asOf())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertRefused("pipelens.import", ImportProperties.class, "pipelens.import.threads", "0",
                "pipelens.import.threads: must be at least 1, got 0");
        assertRefused("pipelens.batch", BatchProperties.class, "pipelens.batch.max-items", "0",
                "pipelens.batch.max-items: must be at least 1, got 0");
        assertRefused("pipelens.demo", DemoProperties.class, "pipelens.demo.deals", "-1",
                "pipelens.demo.deals: must be at least 0, got -1");
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
