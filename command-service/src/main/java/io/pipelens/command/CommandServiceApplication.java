package io.pipelens.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The command service: takes deal and pipeline commands over GraphQL and HTTP, and appends their events. It needs the
 * event store only; MongoDB support stays off even where the classpath has it (as when both services share a JVM).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration",
        "io.pipelens.platform.mongo.EmbeddedMongoConfiguration"})
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    /** Its configuration file is {@code command-service.properties}, so it can share a classpath with the query service. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
