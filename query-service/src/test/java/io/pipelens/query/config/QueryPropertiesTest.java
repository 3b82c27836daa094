package io.pipelens.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.query.analytics.api.AnalyticsProperties;
import io.pipelens.query.deal.QueryProperties;
import io.pipelens.query.metrics.MetricsProperties;
import io.pipelens.query.projection.ReplayProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

class QueryPropertiesTest {

    @Test
    void defaultsComeFromTheRecords() {
        Binder none = binder(Map.of());
        assertThat(none.bindOrCreate("pipelens.replay", ReplayProperties.class))
                .isEqualTo(new ReplayProperties(0, Duration.ofMillis(250)));
        assertThat(none.bindOrCreate("pipelens.metrics", MetricsProperties.class))
                .isEqualTo(new MetricsProperties(Duration.ofSeconds(15)));
        assertThat(none.bindOrCreate("pipelens.query", QueryProperties.class)).isEqualTo(new QueryProperties(500));
        assertThat(none.bindOrCreate("pipelens.analytics", AnalyticsProperties.class))
                .isEqualTo(new AnalyticsProperties(3));
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertRefused("pipelens.analytics", AnalyticsProperties.class, "pipelens.analytics.kept-versions", "0",
                "pipelens.analytics.kept-versions: must be at least 1, got 0");
        assertRefused("pipelens.query", QueryProperties.class, "pipelens.query.max-page-size", "0",
                "pipelens.query.max-page-size: must be at least 1, got 0");
        assertRefused("pipelens.metrics", MetricsProperties.class, "pipelens.metrics.refresh", "0s",
                "pipelens.metrics.refresh: must be a positive duration, such as 10s, got PT0S");
        assertRefused("pipelens.replay", ReplayProperties.class, "pipelens.replay.switch-check", "0ms",
                "pipelens.replay.switch-check: must be a positive duration, such as 10s, got PT0S");
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
