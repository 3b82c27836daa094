package io.pipelens.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB wire-protocol server in memory on a random loopback port, reached through the real driver and a
 * {@link MongoTemplate} mapped as the query service maps it ({@code BigDecimal} as strings).
 */
public final class WireProtocolMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    private WireProtocolMongo(MongoServer server, MongoClient client, MongoTemplate template) {
        this.server = server;
        this.client = client;
        this.template = template;
    }

    public static WireProtocolMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "pipelens-test");
        MongoCustomConversions conversions = MongoCustomConversions.create(
                adapter -> adapter.bigDecimal(BigDecimalRepresentation.STRING));
        MongoMappingContext mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new WireProtocolMongo(server, client, new MongoTemplate(factory, converter));
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
    }
}
