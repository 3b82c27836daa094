package io.pipelens.platform.mongo;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live in MongoDB beside the read models (axon-mongo has no Spring Boot auto-configuration for this
 * version, so it is wired here). Declaring the bean keeps Axon from falling back to a JDBC or in-memory token store.
 * When query-service instances share the store, a segment claimed by an instance that has not renewed its claim for
 * {@code pipelens.processing.claim-timeout} (default 10 s, Axon's) may be claimed by another: that is how a survivor
 * takes over the segments of a killed instance, so a shorter timeout means a shorter gap after a crash, at the cost
 * of claims stolen from an instance that is only slow.
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class},
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({MongoTokenStore.class, MongoClient.class})
@ConditionalOnBean(MongoClient.class)
public class MongoTokenStoreConfiguration {

    @Bean
    public TokenStore tokenStore(MongoClient client, MongoDatabaseFactory databaseFactory, Serializer serializer,
                                 @Value("${pipelens.processing.claim-timeout:10s}") Duration claimTimeout) {
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("pipelens.processing.claim-timeout: must be a positive duration, such "
                    + "as 10s, got " + claimTimeout);
        }
        return MongoTokenStore.builder()
                .claimTimeout(claimTimeout)
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, databaseFactory.getMongoDatabase().getName())
                        .build())
                .serializer(serializer)
                .build();
    }
}
