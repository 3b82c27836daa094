package io.pipelens.launcher;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.platform.StoreDescriptions;
import io.pipelens.platform.eventstore.LocalAppends;
import io.pipelens.query.QueryServiceApplication;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs both Pipelens services in one process on the embedded default: the command service and the query service as
 * two separate Spring contexts, sharing the H2 event store and the embedded MongoDB under {@code ./data}. Arguments
 * go to both services, except {@code --command.*} and {@code --query.*} ({@link LauncherArguments},
 * {@code --help}).
 */
public final class PipelensLauncher {

    private PipelensLauncher() {
    }

    public static void main(String[] args) {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(LauncherArguments.USAGE);
            return;
        }
        long started = System.nanoTime();
        Services services = start(arguments);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.print(banner(took, services.command().getEnvironment(), services.query().getEnvironment()));
    }

    /** What the launcher prints once both services are up: the stores, and where each service answers. */
    static String banner(Duration took, Environment command, Environment query) {
        ListeningAddress commandAt = ListeningAddress.of(command);
        ListeningAddress queryAt = ListeningAddress.of(query);
        return String.format("%nPipelens is up in %.1f s (%s)%n"
                        + "  command service: GraphiQL %s/graphiql   batch: POST /api/commands/batch%s%n"
                        + "  query service:   GraphiQL %s/graphiql   metrics: /actuator/prometheus%s%n%n",
                took.toMillis() / 1000.0, storesInUse(command, query),
                commandAt.url(), commandAt.remark(), queryAt.url(), queryAt.remark());
    }

    /** Which stores the services use, without credentials (both share the event store: the command service's). */
    static String storesInUse(Environment command, Environment query) {
        return "event store: " + StoreDescriptions.eventStore(command)
                + "; read models: " + StoreDescriptions.readModels(query);
    }

    /** Starts both services with the launcher's command-line arguments ({@link LauncherArguments}). */
    public static Services start(String... args) {
        return start(LauncherArguments.parse(args));
    }

    /**
     * Starts the command service, then the query service. One after the other: both apply the event store's Flyway
     * migrations at start-up, and two Flyway runs at once on a fresh H2 database race on creating its history table
     * (PostgreSQL serialises them with a lock; H2 does not). On 2 cores a parallel start gains little anyway.
     */
    private static Services start(LauncherArguments arguments) {
        LocalAppends appends = new LocalAppends();
        ConfigurableApplicationContext command = run(CommandServiceApplication.CONFIG_NAME,
                sharing(appends, CommandServiceApplication.builder()), arguments.command());
        try {
            return new Services(command, run(QueryServiceApplication.CONFIG_NAME,
                    sharing(appends, QueryServiceApplication.builder()).properties(QUERY_FETCH_DELAY),
                    arguments.query()));
        } catch (RuntimeException e) {
            ServiceLabel.during(CommandServiceApplication.CONFIG_NAME, command::close);
            throw e;
        }
    }

    /**
     * The query service's poll for events appended by another process. The command service of this process wakes it
     * at each commit ({@link LocalAppends}), so the poll only bounds how soon another process's appends show (an
     * instance elsewhere on the same store); polling every 20 ms, the default for a service alone, was most of what
     * an idle process did. An argument {@code --pipelens.event-store.fetch-delay} still decides.
     */
    static final String QUERY_FETCH_DELAY = "pipelens.event-store.fetch-delay=1s";

    /** The builder of a service that shares the process's {@link LocalAppends}. */
    private static SpringApplicationBuilder sharing(LocalAppends appends, SpringApplicationBuilder builder) {
        return builder.initializers(context -> context.getBeanFactory()
                .registerSingleton("localAppends", appends));
    }

    /**
     * Starts one service under its {@link ServiceLabel}. Without Spring Boot's shutdown hook: its one thread would
     * carry the first service's label; {@link Services} closes each service under its own.
     */
    private static ConfigurableApplicationContext run(String service, SpringApplicationBuilder builder,
                                                      List<String> args) {
        return ServiceLabel.during(service,
                () -> builder.registerShutdownHook(false).run(args.toArray(String[]::new)));
    }

    /** The two running services; closed by {@link #close()} or, at the latest, when the JVM shuts down. */
    public static final class Services implements AutoCloseable {

        private final ConfigurableApplicationContext command;
        private final ConfigurableApplicationContext query;
        private final Thread shutdownHook = new Thread(this::closeBoth, "pipelens-shutdown");

        Services(ConfigurableApplicationContext command, ConfigurableApplicationContext query) {
            this.command = command;
            this.query = query;
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        public ConfigurableApplicationContext command() {
            return command;
        }

        public ConfigurableApplicationContext query() {
            return query;
        }

        public String commandPort() {
            return command.getEnvironment().getProperty("local.server.port");
        }

        public String queryPort() {
            return query.getEnvironment().getProperty("local.server.port");
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                return;
            }
            closeBoth();
        }

        private void closeBoth() {
            ServiceLabel.during(QueryServiceApplication.CONFIG_NAME, query::close);
            ServiceLabel.during(CommandServiceApplication.CONFIG_NAME, command::close);
        }
    }
}
