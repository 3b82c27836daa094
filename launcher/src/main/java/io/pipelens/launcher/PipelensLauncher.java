package io.pipelens.launcher;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.query.QueryServiceApplication;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

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
        System.out.printf("%nPipelens is up in %.1f s (embedded stores under %s)%n"
                        + "  command service: GraphiQL http://127.0.0.1:%s/graphiql   batch: POST /api/commands/batch%n"
                        + "  query service:   GraphiQL http://127.0.0.1:%s/graphiql   metrics: /actuator/prometheus%n%n",
                took.toMillis() / 1000.0, services.command().getEnvironment().getProperty("pipelens.data-dir"),
                services.commandPort(), services.queryPort());
    }

    /**
     * Starts both services side by side and waits until both are up. The query service starts once the command
     * service has set up its logging: Spring Boot's logging initialisation is not safe to run twice at once in one
     * JVM. The rest of the two start-ups overlap.
     */
    public static Services start(String... args) {
        CountDownLatch commandLoggingReady = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> command = CompletableFuture.supplyAsync(() -> {
            try {
                return CommandServiceApplication.builder()
                        .listeners(event -> {
                            if (event instanceof ApplicationPreparedEvent) {
                                commandLoggingReady.countDown();
                            }
                        })
                        .run(args);
            } finally {
                commandLoggingReady.countDown();
            }
        });
        CompletableFuture<ConfigurableApplicationContext> query = CompletableFuture.supplyAsync(() -> {
            awaitUninterruptibly(commandLoggingReady);
            return QueryServiceApplication.builder().run(args);
        });
        try {
            return new Services(command.join(), query.join());
        } catch (RuntimeException e) {
            command.thenAccept(ConfigurableApplicationContext::close);
            query.thenAccept(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the command service", e);
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
