package io.pipelens.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole query service on a random port, with the embedded defaults made disposable: events in an in-memory H2
 * database, read models and tracking tokens in an in-memory MongoDB wire-protocol server. Every test class with this
 * annotation shares one application context, so tests keep to their own ids or clear what they seed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
        "pipelens.data-dir=target/query-service-test",
        "pipelens.mongo.embedded.persistent=false",
        "spring.datasource.url=jdbc:h2:mem:query-service-test;DB_CLOSE_DELAY=-1"})
@AutoConfigureHttpGraphQlTester
public @interface QueryServiceTest {
}
