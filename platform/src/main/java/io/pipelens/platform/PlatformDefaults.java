package io.pipelens.platform;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the defaults both services share ({@code pipelens-defaults.properties}) as the property source of lowest
 * precedence, so each service's own file, the environment and the command line override them. Also sets the
 * libraries' switches that only system properties reach ({@link #SYSTEM_DEFAULTS}), unless the JVM was given them.
 *
 * <p>The database user {@code sa} (empty password) is a default of the embedded H2 event store only: given to
 * PostgreSQL, it failed with an authentication error that named neither the user nor the property. Any other event
 * store with no user configured, in the properties or in the URL, stops the start-up naming the property.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_PROPERTY = "axoniq.update-checker.disabled";
    static final String CONSOLE_MESSAGE_PROPERTY = "disable-axoniq-console-message";
    static final String H2_BIND_ADDRESS_PROPERTY = "h2.bindAddress";

    /**
     * Axon's update checker would call out to the internet at start-up; Axon's AxonIQ Console advertisement is a
     * six-line banner on every start of every service; H2's AUTO_SERVER, which lets a second process on this machine
     * open the embedded event store, would otherwise listen on every interface.
     */
    static final Map<String, String> SYSTEM_DEFAULTS = Map.of(
            UPDATE_CHECKER_PROPERTY, "true",
            CONSOLE_MESSAGE_PROPERTY, "true",
            H2_BIND_ADDRESS_PROPERTY, "127.0.0.1");
    static final String USERNAME = "spring.datasource.username";
    private static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        SYSTEM_DEFAULTS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        try {
            new PropertiesPropertySourceLoader()
                    .load("pipelensDefaults", new ClassPathResource("pipelens-defaults.properties"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read pipelens-defaults.properties", e);
        }
        defaultTheDatabaseUser(environment);
    }

    private static void defaultTheDatabaseUser(ConfigurableEnvironment environment) {
        String url = environment.getProperty(URL, "");
        if (url.startsWith("jdbc:h2:")) {
            environment.getPropertySources().addLast(new MapPropertySource("pipelensH2User",
                    Map.of(USERNAME, "sa", "spring.datasource.password", "")));
        } else if (!environment.containsProperty(USERNAME) && !url.contains("user=")) {
            throw new StoreConfigurationException(USERNAME + " is not set: the event store ("
                    + StoreDescriptions.eventStore(url) + ") needs a database user.",
                    "Set " + USERNAME + " and spring.datasource.password (environment: SPRING_DATASOURCE_USERNAME "
                            + "and SPRING_DATASOURCE_PASSWORD) to the user Pipelens logs in as.");
        }
    }
}
