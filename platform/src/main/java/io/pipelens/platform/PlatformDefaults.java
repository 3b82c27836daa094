package io.pipelens.platform;

import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the defaults both services share ({@code pipelens-defaults.properties}) as the property source of lowest
 * precedence, so each service's own file, the environment and the command line override them. Also switches off
 * Axon's update checker, which would call out to the internet at start-up.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(UPDATE_CHECKER_PROPERTY) == null) {
            System.setProperty(UPDATE_CHECKER_PROPERTY, "true");
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load("pipelensDefaults", new ClassPathResource("pipelens-defaults.properties"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read pipelens-defaults.properties", e);
        }
    }
}
