package io.pipelens.platform.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Where the embedded default keeps its files, and the embedded MongoDB that holds the read models when no
 * {@code spring.data.mongodb.uri} or {@code host} is configured.
 *
 * @param dataDir where the embedded stores keep their files: the H2 event store ({@code spring.datasource.url} is
 *                derived from it) and the embedded MongoDB's read models
 * @param mongo   the embedded MongoDB
 */
@ConfigurationProperties("pipelens")
public record StoreProperties(@DefaultValue("./data") String dataDir, @DefaultValue Mongo mongo) {

    /** The data directory as a path. */
    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** The properties bound from {@code environment}, for code that runs before or outside a context's beans. */
    public static StoreProperties of(Environment environment) {
        return Binder.get(environment).bindOrCreate("pipelens", StoreProperties.class);
    }

    /** @param embedded the in-process MongoDB wire-protocol server */
    public record Mongo(@DefaultValue Embedded embedded) {
    }

    /**
     * @param enabled    whether the embedded server starts when no MongoDB is configured
     * @param persistent whether the read models live in a file under the data directory ({@code false}: in memory,
     *                   rebuilt from the event store at every start)
     * @param port       the loopback port the server listens on (0: any free port)
     * @param cacheMb    the page cache of the read models' file, in MB
     */
    public record Embedded(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean persistent,
                           @DefaultValue("0") int port, @DefaultValue("64") int cacheMb) {

        public Embedded {
            Require.that(port >= 0 && port <= 65535, "pipelens.mongo.embedded.port", "0 (any free port) or a port "
                    + "number up to 65535", port);
            Require.atLeast(1, cacheMb, "pipelens.mongo.embedded.cache-mb");
        }
    }
}
