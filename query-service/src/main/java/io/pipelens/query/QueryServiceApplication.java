package io.pipelens.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query service: tails the event store into MongoDB read models and answers GraphQL queries over them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    /** Its configuration file is {@code query-service.properties}, so it can share a classpath with the command service. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
