package io.pipelens.platform.mongo;

import com.mongodb.client.MongoClient;
import io.pipelens.platform.config.ProcessingProperties;
import io.pipelens.platform.config.StoreProperties;
import io.pipelens.platform.eventstore.EventStoreIdentity;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live in MongoDB beside the read models (axon-mongo has no Spring Boot auto-configuration for this
 * version, so it is wired here). Declaring the bean keeps Axon from falling back to a JDBC or in-memory token store.
 * When query-service instances share the store, a segment claimed by an instance that has not renewed its claim for
 * {@code pipelens.processing.claim-timeout} (default 10 s, Axon's) may be claimed by another: that is how a survivor
 * takes over the segments of a killed instance, so a shorter timeout means a shorter gap after a crash, at the cost
 * of claims stolen from an instance that is only slow.
 *
 * <p>The token store is handed out only once the read models are known to belong to the event store in use
 * ({@link ReadModelOrigin}), so no processor starts on, and no query serves, another store's read models.
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class},
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({MongoTokenStore.class, MongoClient.class})
@ConditionalOnBean(MongoClient.class)
@EnableConfigurationProperties(ProcessingProperties.class)
public class MongoTokenStoreConfiguration {

    @Bean
    public MongoTemplate tokenMongoTemplate(MongoClient client, MongoDatabaseFactory databaseFactory) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, databaseFactory.getMongoDatabase().getName())
                .build();
    }

    @Bean
    public ReadModelOrigin readModelOrigin(MongoTemplate tokenMongoTemplate, MongoDatabaseFactory databaseFactory,
                                           Serializer serializer, EventStoreIdentity eventStore,
                                           Environment environment) {
        return new ReadModelOrigin(databaseFactory.getMongoDatabase(), tokenMongoTemplate.trackingTokensCollection(),
                serializer, eventStore, rebuildAdvice(environment, databaseFactory.getMongoDatabase().getName()));
    }

    @Bean
    public ReadModelOriginHealthIndicator readModelOriginHealthIndicator(ReadModelOrigin readModelOrigin) {
        return new ReadModelOriginHealthIndicator(readModelOrigin);
    }

    /** How to drop the read models so they are rebuilt: delete the embedded server's file, or drop the database. */
    static String rebuildAdvice(Environment environment, String database) {
        if (environment.getProperty("spring.data.mongodb.uri", "").isEmpty()
                && environment.getProperty("spring.data.mongodb.host", "").isEmpty()) {
            return "delete " + StoreProperties.of(environment).dataPath()
                    .resolve(EmbeddedMongoConfiguration.READ_MODELS_FILE);
        }
        return "drop MongoDB database '" + database + "' (mongosh " + database + " --eval 'db.dropDatabase()')";
    }

    /** Processors get their tokens only from read models verified to belong to the event store in use. */
    @Bean
    public TokenStore tokenStore(MongoTemplate tokenMongoTemplate, ReadModelOrigin readModelOrigin,
                                 Serializer serializer,
                                 ProcessingProperties processing) {
        readModelOrigin.verify();
        return MongoTokenStore.builder()
                .claimTimeout(processing.claimTimeout())
                .mongoTemplate(tokenMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
