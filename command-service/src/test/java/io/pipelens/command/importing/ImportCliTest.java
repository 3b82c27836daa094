package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI sends the file with the options as query parameters, shows its progress and prints the answer. */
class ImportCliTest {

    private HttpServer server;
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/import", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ImportCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = "http://127.0.0.1:" + server.getAddress().getPort();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void sendsTheFileWithItsMappingAndPrintsTheSummary() throws IOException {
        Path log = dir.resolve("log.ndjson");
        Files.writeString(log, "{\"case\":\"c1\",\"activity\":\"Call\",\"time\":\"2026-01-05T09:00:00Z\"}\n");
        answer = """
                {"rowsRead":1,"rowsSkipped":0,"skipped":[],"deals":1,"transitionsAppended":1,"duplicates":0,
                 "rejectedDeals":[],"elapsedMillis":42,"transitionsPerSecond":23.8}""";

        int exit = run("-p", "main", log.toString(), "--deal-column", "case", "--stage-column", "activity",
                "--time-column", "time", "--map", "Call:contact,Demo:requirements", "--skip-bad-rows");

        assertThat(exit).isZero();
        assertThat(query.get()).isEqualTo("pipelineId=main&source=log.ndjson&skipBadRows=true&dealColumn=case&timeColumn=time"
                + "&stageColumn=activity&map=Call%3Acontact%2CDemo%3Arequirements");
        assertThat(contentType.get()).isEqualTo("application/x-ndjson");
        assertThat(body.get()).isEqualTo(Files.readString(log));
        assertThat(err.toString()).contains("100%").contains("of " + Files.size(log) + " bytes");
        assertThat(out.toString()).startsWith("Imported 1 rows: 1 deals, 1 transitions appended, 0 already there");
    }

    @Test
    void printsEveryProblemAndExitsWithOneWhenTheFileIsRefused() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "deal_id,timestamp,stage\nd1,yesterday,contact\n");
        status = 400;
        answer = """
                {"detail":"1 problem found; nothing was imported","total":1,
                 "problems":[{"row":1,"column":"timestamp","reason":"'yesterday' is not a timestamp"}]}""";

        int exit = run("--pipeline", "main", log.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(contentType.get()).isEqualTo("text/csv");
        assertThat(err.toString()).contains("row 1, timestamp: 'yesterday' is not a timestamp");
    }

    @Test
    void sendsTheDefaultCurrencyAndIdPrefixAndPrintsTheHints() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "deal_id,timestamp,stage,amount\nd1,2026-01-05T09:00:00Z,,100\n");
        status = 400;
        answer = """
                {"detail":"1 problem found; nothing was imported","total":1,
                 "problems":[{"row":1,"column":"stage","reason":"the stage or activity is missing"}],
                 "hints":["1 row has no stage (stage or activity) and no outcome column is mapped"]}""";

        int exit = run("--pipeline", "web", log.toString(), "--default-currency", "EUR", "--deal-id-prefix", "web-");

        assertThat(exit).isEqualTo(1);
        assertThat(query.get()).isEqualTo("pipelineId=web&source=log.csv&defaultCurrency=EUR&dealIdPrefix=web-");
        assertThat(err.toString()).contains("Hint: 1 row has no stage (stage or activity) and no outcome column is "
                + "mapped");
    }

    @Test
    void sendsAGzippedXesLogWithItsFormatAndTheLifecycleFilter() throws IOException {
        Path log = dir.resolve("sales.xes.gz");
        Files.write(log, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        answer = """
                {"rowsRead":0,"rowsSkipped":0,"skipped":[],"deals":0,"transitionsAppended":0,"duplicates":0,
                 "rejectedDeals":[],"elapsedMillis":1,"transitionsPerSecond":0}""";

        int exit = run("-p", "main", log.toString(), "--lifecycle", "complete");

        assertThat(exit).isZero();
        assertThat(query.get()).isEqualTo("pipelineId=main&source=sales.xes.gz&format=xes&lifecycle=complete");
        assertThat(contentType.get()).isEqualTo("application/gzip");
    }

    @Test
    void asksForStagesFromActivities() throws IOException {
        Path log = dir.resolve("activities.csv");
        Files.writeString(log, "deal_id,timestamp,stage\nd1,2026-01-05T09:00:00Z,call\n");
        answer = """
                {"rowsRead":1,"rowsSkipped":0,"skipped":[],"deals":1,"transitionsAppended":1,"duplicates":0,
                 "rejectedDeals":[],"elapsedMillis":1,"transitionsPerSecond":0}""";

        int exit = run("-p", "raw", log.toString(), "--stages-from-activities");

        assertThat(exit).isZero();
        assertThat(query.get()).isEqualTo("pipelineId=raw&source=activities.csv&stagesFromActivities=true");
    }
}
