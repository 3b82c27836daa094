package io.pipelens.command.security;

import io.pipelens.command.CommandServiceApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The command service as production runs it: API keys required, one key per role (the admin key configured by its
 * SHA-256, the others as plain keys), default GraphQL limits, introspection on. Metrics export, off in tests by
 * default, is on so that the Prometheus endpoint exists. The test classes with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:command-access-test;DB_CLOSE_DELAY=-1",
        "pipelens.security.mode=keys",
        "pipelens.security.keys[0].name=analyst",
        "pipelens.security.keys[0].role=READ",
        "pipelens.security.keys[0].key=" + CommandServiceWithKeys.READ_KEY,
        "pipelens.security.keys[1].name=crm",
        "pipelens.security.keys[1].role=WRITE",
        "pipelens.security.keys[1].key=" + CommandServiceWithKeys.WRITE_KEY,
        "pipelens.security.keys[2].name=ops",
        "pipelens.security.keys[2].role=ADMIN",
        "pipelens.security.keys[2].sha256=1b3af7d2f1f3428ee7d76d5be730b93565efcf2ecbb7819caf9002bca23d4545"})
@AutoConfigureMockMvc
@AutoConfigureObservability
public @interface CommandServiceWithKeys {

    String READ_KEY = "read-key-0123456789abcdef";
    String WRITE_KEY = "write-key-0123456789abcdef";
    /** Its SHA-256 is the one configured. */
    String ADMIN_KEY = "admin-key-0123456789abcdef";
}
