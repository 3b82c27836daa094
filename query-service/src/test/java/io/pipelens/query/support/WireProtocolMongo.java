package io.pipelens.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pipelens.query.processing.ReadModelConversions;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB wire-protocol server in memory on a random loopback port, reached through the real driver and a
 * {@link MongoTemplate} mapped as the query service maps it ({@code BigDecimal} as strings).
 *
 * <p>Either started and closed by hand ({@link #start()}), or one per test class as a JUnit extension:
 * {@code @RegisterExtension static final WireProtocolMongo mongo = WireProtocolMongo.perClass();} starts it before
 * the class's tests, empties it before each test (before the class's own {@code @BeforeEach} methods) and closes it
 * after them.
 */
public final class WireProtocolMongo implements AutoCloseable, BeforeAllCallback, BeforeEachCallback,
        AfterAllCallback {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;

    private WireProtocolMongo() {
    }

    /** A server started now, to close by hand. */
    public static WireProtocolMongo start() {
        WireProtocolMongo mongo = new WireProtocolMongo();
        mongo.open();
        return mongo;
    }

    /** A server for a test class, to register as a static {@code @RegisterExtension} field. */
    public static WireProtocolMongo perClass() {
        return new WireProtocolMongo();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void open() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "pipelens-test");
        MongoCustomConversions conversions = ReadModelConversions.create();
        MongoMappingContext mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Drops every collection, so each test starts from an empty database. */
    public void clear() {
        template.getDb().drop();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        server = null;
    }
}
