package io.pipelens.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The embedded H2 event store's user {@code sa} is never offered to another database. */
class PlatformDefaultsTest {

    private static final String POSTGRES = "jdbc:postgresql://db.example:5432/pipelens";

    @Test
    void theEmbeddedEventStoreLogsInAsSa() {
        MockEnvironment environment = defaults(new MockEnvironment());

        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
        assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void postgreSqlWithOnlyItsUrlSetStopsTheStartNamingTheUserProperty() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", POSTGRES);

        assertThatThrownBy(() -> defaults(environment))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessage("spring.datasource.username is not set: the event store (PostgreSQL at "
                        + "db.example:5432/pipelens) needs a database user.")
                .satisfies(e -> assertThat(((StoreConfigurationException) e).action())
                        .contains("SPRING_DATASOURCE_USERNAME"));
    }

    @Test
    void theStartFailureSaysWhatToDo() {
        StoreConfigurationException missing = new StoreConfigurationException("no user", "set the user");

        FailureAnalysis analysis = new StoreFailureAnalyzer().analyze(new IllegalStateException(missing));

        assertThat(analysis.getDescription()).isEqualTo("no user");
        assertThat(analysis.getAction()).isEqualTo("set the user");
    }

    @Test
    void postgreSqlGetsTheUserItIsGiven() {
        MockEnvironment environment = defaults(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty("spring.datasource.username", "pipelens"));

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("pipelens");
        assertThat(environment.getProperty("spring.datasource.password")).isNull();
    }

    @Test
    void aUserInTheUrlIsEnough() {
        MockEnvironment environment = defaults(new MockEnvironment()
                .withProperty("spring.datasource.url", POSTGRES + "?user=pipelens&password=secret"));

        assertThat(environment.getProperty("spring.datasource.username")).isNull();
    }

    private static MockEnvironment defaults(MockEnvironment environment) {
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
