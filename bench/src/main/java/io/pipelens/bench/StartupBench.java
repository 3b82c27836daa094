package io.pipelens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The time from launching {@code ./pipelens}'s jar on a data directory that already holds a history to both services
 * answering GraphQL: the Spring contexts, the event store, the embedded MongoDB on its file, and the analytic indexes
 * built from every stored journey (which the query service does before it opens its port). The directory is one a run
 * with {@code --keep-data} left ({@code replay --events 10000000 --keep-data}, say). Each start ends with a clean
 * shutdown (SIGTERM, waited for): after an unclean one the embedded read models are discarded and rebuilt from the
 * events, which would be another measurement.
 */
@Command(name = "startup", description = "Seconds from launch to serving for the launcher jar on a kept data directory")
final class StartupBench implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "the data directory to start on")
    Path dataDirectory;

    @Option(names = "--jar", defaultValue = "launcher/target/pipelens-exec.jar",
            description = "the launcher's executable jar (default ${DEFAULT-VALUE})")
    Path jar;

    @Option(names = "--starts", defaultValue = "1", description = "starts to time one after another")
    int starts;

    @Option(names = "--java-option", paramLabel = "OPTION",
            description = "an option for the launched JVM, repeatable (-Xmx2g, say); none by default, as ./pipelens")
    List<String> javaOptions = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "PT15M", description = "how long a start may take (default ${DEFAULT-VALUE})")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dataDirectory) || !Files.isRegularFile(jar)) {
            System.err.println("--data-dir must be a directory and --jar a file: " + dataDirectory + ", " + jar);
            return 2;
        }
        for (int start = 1; start <= starts; start++) {
            if (!timeStart(start)) {
                return 1;
            }
        }
        return 0;
    }

    private boolean timeStart(int start) throws Exception {
        int commandPort = ReplayKillCheck.freePort();
        int queryPort = ReplayKillCheck.freePort();
        Path log = Files.createTempFile("pipelens-startup-" + start + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(ReplayKillCheck.javaBin());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "--pipelens.data-dir=" + dataDirectory,
                "--command.server.port=" + commandPort, "--query.server.port=" + queryPort));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = launched + timeout.toNanos();
            double query = -1;
            double commands = -1;
            while ((query < 0 || commands < 0) && System.nanoTime() < deadline && process.isAlive()) {
                if (query < 0 && answers(queryPort)) {
                    query = (System.nanoTime() - launched) / 1e9;
                }
                if (commands < 0 && answers(commandPort)) {
                    commands = (System.nanoTime() - launched) / 1e9;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            System.out.printf("start %d: command service answers after %.1f s, query service after %.1f s (log %s)%n",
                    start, commands, query, log);
            for (String line : Files.readAllLines(log)) {
                if (line.contains("Analytic indexes") || line.contains("Building the analytic indexes")
                        || line.contains("Started ") || line.contains("ERROR")) {
                    System.out.println("  " + line.substring(Math.min(line.length(), 24)));
                }
            }
            return query >= 0 && commands >= 0;
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                System.out.println("the service did not stop within 5 minutes after SIGTERM");
            }
        }
    }

    /** Whether the service on {@code port} answers a GraphQL query. */
    private boolean answers(int port) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            return response.statusCode() == 200 && answer.path("data").has("__typename");
        } catch (IOException notYet) {
            return false;
        }
    }
}
