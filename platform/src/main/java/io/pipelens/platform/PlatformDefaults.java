package io.pipelens.platform;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the defaults both services share ({@code pipelens-defaults.properties}) as the property source of lowest
 * precedence, so each service's own file, the environment and the command line override them. Also sets the
 * libraries' switches that only system properties reach ({@link #SYSTEM_DEFAULTS}), unless the JVM was given them.
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
    }
}
