package io.pipelens.launcher;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.platform.StoreDescriptions;
import io.pipelens.query.QueryServiceApplication;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs both Pipelens services in one process on the embedded default: the command service and the query service as
 * two separate Spring contexts, sharing the H2 event store and the embedded MongoDB under {@code ./data}. Every
 * argument goes to both services (for example {@code --pipelens.data-dir=/var/lib/pipelens}); use
 * {@code --command.server.port} style overrides through each service's own properties file or environment when the
 * ports must differ from 8081 and 8082.
 */
public final class PipelensLauncher {

    private PipelensLauncher() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Services services = start(args);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%nPipelens is up in %.1f s (%s)%n"
                        + "  command service: GraphiQL http://127.0.0.1:%s/graphiql   batch: POST /api/commands/batch%n"
                        + "  query service:   GraphiQL http://127.0.0.1:%s/graphiql   metrics: /actuator/prometheus%n%n",
                took.toMillis() / 1000.0,
                storesInUse(services.command().getEnvironment(), services.query().getEnvironment()),
                services.commandPort(), services.queryPort());
    }

    /** Which stores the services use, without credentials (both share the event store: the command service's). */
    static String storesInUse(Environment command, Environment query) {
        return "event store: " + StoreDescriptions.eventStore(command)
                + "; read models: " + StoreDescriptions.readModels(query);
    }

    /**
     * Starts the command service, then the query service. One after the other: both apply the event store's Flyway
     * migrations at start-up, and two Flyway runs at once on a fresh H2 database race on creating its history table
     * (PostgreSQL serialises them with a lock; H2 does not). On 2 cores a parallel start gains little anyway.
     */
    public static Services start(String... args) {
        ConfigurableApplicationContext command = CommandServiceApplication.builder().run(args);
        try {
            return new Services(command, QueryServiceApplication.builder().run(args));
        } catch (RuntimeException e) {
            command.close();
            throw e;
        }
    }

    /** The two running services. */
    public record Services(ConfigurableApplicationContext command, ConfigurableApplicationContext query)
            implements AutoCloseable {

        public String commandPort() {
            return command.getEnvironment().getProperty("local.server.port");
        }

        public String queryPort() {
            return query.getEnvironment().getProperty("local.server.port");
        }

        @Override
        public void close() {
            query.close();
            command.close();
        }
    }
}
