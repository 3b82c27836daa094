package io.pipelens.demo;

import io.pipelens.command.CommandServiceApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The command service on an in-memory H2 event store, started with {@value #DEALS} demo deals (seed {@value #SEED},
 * as of {@link #AS_OF}): the tests of this module share the one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false",
        "pipelens.demo.deals=" + CommandServiceWithDemoData.DEALS,
        "pipelens.demo.seed=" + CommandServiceWithDemoData.SEED,
        "pipelens.demo.as-of=" + CommandServiceWithDemoData.AS_OF})
@interface CommandServiceWithDemoData {

    int DEALS = 60;
    long SEED = 7;
    String AS_OF = "2026-06-01T00:00:00Z";
}
