package io.pipelens.platform.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pipelens.platform.config.StoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;

/**
 * The embedded default for read models: when no MongoDB URI is configured, an in-process MongoDB wire-protocol server
 * (mongo-java-server) is started on a loopback port, and the real MongoDB driver connects to it. Its data lives in an
 * H2 MVStore file under the data directory ({@link ReadModelH2Backend}: mongo-java-server's H2 backend with keys and
 * documents stored in forms fit for read models; {@code pipelens.mongo.embedded.cache-mb} sizes its page cache), or
 * in memory when {@code pipelens.mongo.embedded.persistent=false}.
 * The server ignores secondary indexes, so read models are designed around {@code _id} lookups.
 *
 * <p>The MVStore file commits in the background about once a second, and mongo-java-server makes no promise about
 * what a killed process leaves in it. So the file is only trusted after a clean shutdown: see
 * {@link CleanShutdownMarker}: what a kill leaves in the file is not established, so it is not relied on.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoServer.class, H2Backend.class})
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty() && '${spring.data.mongodb.host:}'.isEmpty()")
@ConditionalOnProperty(name = "pipelens.mongo.embedded.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StoreProperties.class)
public class EmbeddedMongoConfiguration {

    /** The embedded server's file under the data directory. */
    static final String READ_MODELS_FILE = "read-models.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /**
     * Stops the server (closing the MVStore) and only then marks the store cleanly shut down. The server bean has no
     * destroy method of its own so that this order holds.
     */
    @Bean
    public DisposableBean embeddedMongoShutdownMarker(MongoServer server, StoreProperties stores) {
        boolean persistent = stores.mongo().embedded().persistent();
        Path file = stores.dataPath().resolve(READ_MODELS_FILE);
        return () -> {
            server.shutdownNow();
            if (persistent) {
                CleanShutdownMarker.forStore(file).closedCleanly();
            }
        };
    }

    /** The store behind the embedded server: the H2 file under the data directory, or memory. */
    @Bean(destroyMethod = "")
    public MongoBackend embeddedMongoBackend(StoreProperties stores) throws IOException {
        StoreProperties.Embedded embedded = stores.mongo().embedded();
        if (!embedded.persistent()) {
            return new MemoryBackend();
        }
        Files.createDirectories(stores.dataPath());
        Path file = stores.dataPath().resolve(READ_MODELS_FILE);
        CleanShutdownMarker.forStore(file).discardIfUnclean();
        return ReadModelH2Backend.open(file, embedded.cacheMb());
    }

    @Bean(destroyMethod = "")
    public MongoServer embeddedMongoServer(MongoBackend embeddedMongoBackend, StoreProperties stores) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind("127.0.0.1", stores.mongo().embedded().port());
        log.info("Embedded MongoDB server ({}) listening on {}",
                embeddedMongoBackend instanceof ReadModelH2Backend ? "H2 file" : "in memory",
                server.getLocalAddress());
        return server;
    }

    /** Reads of the embedded store's file from within the process ({@link InProcessReads}); none in memory. */
    @Bean
    @ConditionalOnProperty(name = "pipelens.mongo.embedded.persistent", havingValue = "true", matchIfMissing = true)
    public InProcessReads embeddedInProcessReads(MongoBackend embeddedMongoBackend) {
        return ((ReadModelH2Backend) embeddedMongoBackend)::documents;
    }

    /**
     * Depends on the shutdown marker, so that a server anything connected to is stopped when the context closes,
     * also when its start fails (the read models of another event store, for one): a server left running keeps the
     * process alive.
     */
    @Bean
    @DependsOn("embeddedMongoShutdownMarker")
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, Environment environment) {
        String database = environment.getProperty("spring.data.mongodb.database", "pipelens");
        var address = server.getLocalAddress();
        ConnectionString connectionString = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }
}
