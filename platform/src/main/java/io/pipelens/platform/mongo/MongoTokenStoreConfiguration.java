package io.pipelens.platform.mongo;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live in MongoDB beside the read models (axon-mongo has no Spring Boot auto-configuration for this
 * version, so it is wired here). Declaring the bean keeps Axon from falling back to a JDBC or in-memory token store.
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class},
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({MongoTokenStore.class, MongoClient.class})
@ConditionalOnBean(MongoClient.class)
public class MongoTokenStoreConfiguration {

    @Bean
    public TokenStore tokenStore(MongoClient client, MongoDatabaseFactory databaseFactory, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, databaseFactory.getMongoDatabase().getName())
                        .build())
                .serializer(serializer)
                .build();
    }
}
