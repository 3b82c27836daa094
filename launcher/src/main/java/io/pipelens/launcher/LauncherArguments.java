package io.pipelens.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line, split per service. Every argument is a Spring Boot property argument
 * ({@code --name=value}) for both services, except {@code --command.<name>=value} (the command service only) and
 * {@code --query.<name>=value} (the query service only), and {@code --help} ({@code -h}).
 *
 * <p>Parsed by hand rather than with picocli: everything but {@code --help} is passed through to Spring Boot
 * untouched, including properties the launcher does not know, and routed by a prefix; a declared-option parser would
 * only collect them as unmatched arguments, and its generated usage could not describe them.
 *
 * @param help   whether {@code --help} or {@code -h} was given
 * @param command the command service's arguments
 * @param query   the query service's arguments
 */
record LauncherArguments(boolean help, List<String> command, List<String> query) {

    static final String COMMAND_PREFIX = "--command.";
    static final String QUERY_PREFIX = "--query.";
    private static final String SHARED_PORT = "--server.port=";

    static final String USAGE = """
            Usage: ./pipelens [-h | --help] [--command.<property>=<value>]... [--query.<property>=<value>]...
                              [--<property>=<value>]...
            Runs the command service and the query service in one process, by default on the embedded stores (an H2
            event store and an embedded MongoDB under ./data; spring.datasource.url / spring.data.mongodb.uri point it
            elsewhere, see docs/operations.md). Both listen on 127.0.0.1 only by default.

              -h, --help                       print this help and exit
              --command.server.port=<port>     the command service's port (default 8081; 0: any free port)
              --query.server.port=<port>       the query service's port (default 8082; 0: any free port)
              --command.<property>=<value>     any Spring property, for the command service only
              --query.<property>=<value>       any Spring property, for the query service only
              --<property>=<value>             any Spring property, for both services, for example
                  --pipelens.data-dir=<dir>    where the embedded stores keep their files (default ./data)
                  --server.address=<address>   the address both listen on (default 127.0.0.1); any other address
                                               needs API keys, or --pipelens.security.allow-open-network=true

            --server.port is refused (except 0): the two services cannot share one port.
            Every pipelens.* property, its default and meaning: docs/operations.md, "Configuration reference".
            """;

    /** Splits {@code args}; refuses a port both services would have to share, naming the options to use instead. */
    static LauncherArguments parse(String... args) {
        boolean help = false;
        List<String> command = new ArrayList<>();
        List<String> query = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith(COMMAND_PREFIX)) {
                command.add("--" + arg.substring(COMMAND_PREFIX.length()));
            } else if (arg.startsWith(QUERY_PREFIX)) {
                query.add("--" + arg.substring(QUERY_PREFIX.length()));
            } else if (arg.startsWith(SHARED_PORT) && !arg.equals(SHARED_PORT + "0")) {
                throw new IllegalArgumentException(arg + " would give both services the same port, and the second "
                        + "would fail to start: set each service's port with --command.server.port=<port> and "
                        + "--query.server.port=<port> (see ./pipelens --help)");
            } else {
                command.add(arg);
                query.add(arg);
            }
        }
        return new LauncherArguments(help, List.copyOf(command), List.copyOf(query));
    }
}
