package io.pipelens.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import}: sends an event log to a running command service's {@code POST /api/import}, showing how much of the
 * file has been sent, then prints the summary or every problem found. It is a plain HTTP client: the import itself
 * (validation first, then one unit of work per deal) runs in the service. Exit code 0 when imported, 1 when the file
 * was refused (nothing appended), 2 when the service could not be reached or answered otherwise.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a CSV, NDJSON or XES event log (gzipped or not) of deal stage changes into a pipeline "
                + "(see docs/import.md).")
public class ImportCli implements Callable<Integer> {

    @Parameters(index = "0", description = "the event log: .csv, .ndjson/.jsonl for NDJSON, .xes for XES; each may "
            + "be gzipped (.gz)")
    Path file;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8081", description = "the command service (${DEFAULT-VALUE})")
    String url;

    @Option(names = {"-p", "--pipeline"}, required = true, description = "the pipeline the deals belong to")
    String pipelineId;

    @Option(names = "--format", description = "csv, ndjson or xes (default: by the file's extension)")
    String format;

    @Option(names = "--skip-bad-rows", description = "skip and list invalid rows instead of refusing the file")
    boolean skipBadRows;

    @Option(names = "--dry-run", description = "check everything, append nothing; print what would be appended")
    boolean dryRun;

    @Option(names = "--delimiter", description = "CSV delimiter, one character or 'tab' (default ',')")
    String delimiter;

    @Option(names = "--deal-column", description = "default deal_id")
    String dealColumn;

    @Option(names = "--time-column", description = "default timestamp")
    String timeColumn;

    @Option(names = "--stage-column", description = "stage or activity column, default stage")
    String stageColumn;

    @Option(names = "--outcome-column")
    String outcomeColumn;

    @Option(names = "--owner-column")
    String ownerColumn;

    @Option(names = "--source-column")
    String sourceColumn;

    @Option(names = "--segment-column")
    String segmentColumn;

    @Option(names = "--amount-column")
    String amountColumn;

    @Option(names = "--currency-column")
    String currencyColumn;

    @Option(names = "--lost-reason-column")
    String lostReasonColumn;

    @Option(names = "--confirmed-criteria-column",
            description = "column of the exit criteria confirmed on a stage or won row, ';'-separated, '-' for none")
    String confirmedCriteriaColumn;

    @Option(names = "--expected-close-date-column",
            description = "column of the date the deal is expected to close on, yyyy-MM-dd; empty keeps the last")
    String expectedCloseDateColumn;

    @Option(names = "--won", description = "values meaning won, comma-separated (default won,closed_won)")
    String won;

    @Option(names = "--lost", description = "values meaning lost, comma-separated (default lost,closed_lost)")
    String lost;

    @Option(names = "--ignore", description = "activity values to skip, comma-separated")
    String ignore;

    @Option(names = "--map", description = "activity to stage, e.g. 'First call:contact,Demo:requirements'")
    String map;

    @Option(names = "--time-pattern", description = "java.time pattern, e.g. 'dd.MM.yyyy HH:mm' (default ISO-8601)")
    String timePattern;

    @Option(names = "--zone", description = "time zone of --time-pattern times (default UTC)")
    String zone;

    @Option(names = "--default-currency", description = "ISO-4217 currency of amounts given without one, e.g. EUR")
    String defaultCurrency;

    @Option(names = "--deal-id-prefix", description = "put before every deal id, e.g. 'web-' to import the same log "
            + "into a second pipeline (deal ids are global)")
    String dealIdPrefix;

    @Option(names = "--lifecycle", description = "read only rows of these lifecycle transitions, comma-separated, "
            + "e.g. complete (default: every row)")
    String lifecycle;

    @Option(names = "--stages-from-activities", description = "define the pipeline, which must not exist yet, with "
            + "one stage per activity of the log, in the order the deals suggest")
    boolean stagesFromActivities;

    @Option(names = "--lifecycle-column", description = "column of the lifecycle transition (default "
            + "lifecycle:transition, as in XES)")
    String lifecycleColumn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 2;
        }
        long size = Files.size(file);
        Progress progress = new Progress(size, err);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/import?" + query()))
                .header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> progress.counting(inputOf(file))), size))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println();
            err.println("Could not reach " + url + ": " + e.getMessage());
            return 2;
        }
        progress.finish();
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            err.println("The service answered " + response.statusCode() + ": " + response.body());
            return 2;
        }
        if (response.statusCode() == 200) {
            printSummary(body, out);
            return 0;
        }
        if (response.statusCode() == 400 && body.has("problems")) {
            err.println("Refused, nothing imported: " + body.path("detail").asText());
            body.path("problems").forEach(p -> err.println("  " + where(p) + p.path("reason").asText() + code(p)));
            if (body.path("total").asLong() > body.path("problems").size()) {
                err.println("  … and " + (body.path("total").asLong() - body.path("problems").size()) + " more");
            }
            printHints(body, err);
            return 1;
        }
        err.println("The service answered " + response.statusCode() + ": " + response.body());
        return 2;
    }

    /** The file's name in lower case, without a {@code .gz} ending. */
    private String plainName() {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    }

    private boolean gzipped() {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private boolean xes() {
        return plainName().endsWith(".xes");
    }

    /** The format the file's name says: {@code .ndjson}/{@code .jsonl}, {@code .xes}, else CSV. */
    private String formatOfName() {
        return plainName().matches(".*\\.(ndjson|jsonl)") ? "ndjson" : xes() ? "xes" : "csv";
    }

    private String contentType() {
        if (gzipped()) {
            return "application/gzip";
        }
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : formatOfName();
        return switch (chosen) {
            case "ndjson" -> "application/x-ndjson";
            case "xes" -> "application/xml";
            default -> "text/csv";
        };
    }

    private static InputStream inputOf(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String query() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("pipelineId", pipelineId);
        parameters.put("source", file == null || file.getFileName() == null ? null : file.getFileName().toString());
        parameters.put("format", format != null || file == null ? format : gzipped() || xes() ? formatOfName() : null);
        parameters.put("skipBadRows", skipBadRows ? "true" : null);
        parameters.put("dryRun", dryRun ? "true" : null);
        parameters.put("delimiter", delimiter);
        parameters.put("dealColumn", dealColumn);
        parameters.put("timeColumn", timeColumn);
        parameters.put("stageColumn", stageColumn);
        parameters.put("outcomeColumn", outcomeColumn);
        parameters.put("ownerColumn", ownerColumn);
        parameters.put("sourceColumn", sourceColumn);
        parameters.put("segmentColumn", segmentColumn);
        parameters.put("amountColumn", amountColumn);
        parameters.put("currencyColumn", currencyColumn);
        parameters.put("lostReasonColumn", lostReasonColumn);
        parameters.put("won", won);
        parameters.put("lost", lost);
        parameters.put("ignore", ignore);
        parameters.put("map", map);
        parameters.put("timePattern", timePattern);
        parameters.put("zone", zone);
        parameters.put("defaultCurrency", defaultCurrency);
        parameters.put("dealIdPrefix", dealIdPrefix);
        parameters.put("lifecycle", lifecycle);
        parameters.put("lifecycleColumn", lifecycleColumn);
        parameters.put("stagesFromActivities", stagesFromActivities ? "true" : null);
        parameters.put("confirmedCriteriaColumn", confirmedCriteriaColumn);
        parameters.put("expectedCloseDateColumn", expectedCloseDateColumn);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The problem's stable code, for grepping and grouping: {@code  [unknown-activity]}. */
    private static String code(JsonNode problem) {
        String code = problem.path("code").asText("");
        return code.isEmpty() ? "" : " [" + code + "]";
    }

    private static String where(JsonNode problem) {
        long row = problem.path("row").asLong();
        String column = problem.path("column").isNull() ? null : problem.path("column").asText(null);
        return (row == 0 ? "file" : "row " + row) + (column == null ? "" : ", " + column) + ": ";
    }

    private static void printSummary(JsonNode s, PrintWriter out) {
        out.printf(Locale.ROOT, (s.path("dryRun").asBoolean() ? "Dry run, nothing appended: " : "") + "Imported %d rows: %d deals, %d transitions appended, %d already there (duplicates), "
                        + "%d rows skipped, %d deals refused, in %.1f s (%.0f transitions/s)%n",
                s.path("rowsRead").asLong(), s.path("deals").asLong(), s.path("transitionsAppended").asLong(),
                s.path("duplicates").asLong(), s.path("rowsSkipped").asLong(), s.path("rejectedDeals").size(),
                s.path("elapsedMillis").asLong() / 1000.0, s.path("transitionsPerSecond").asDouble());
        s.path("skipped").forEach(p -> out.println("  skipped " + where(p) + p.path("reason").asText() + code(p)));
        s.path("rejectedDeals").forEach(d -> out.println("  refused deal " + d.path("dealId").asText() + ": "
                + d.path("violations").toString()));
        printHints(s, out);
    }

    private static void printHints(JsonNode answer, PrintWriter to) {
        answer.path("hints").forEach(hint -> to.println("Hint: " + hint.asText()));
    }

    /** Draws how much of the file has been sent, on one line of the error stream. */
    static final class Progress {
        private static final int WIDTH = 30;
        private final long size;
        private final PrintWriter err;
        private long sent;
        private int drawn = -1;

        Progress(long size, PrintWriter err) {
            this.size = size;
            this.err = err;
        }

        InputStream counting(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        advance(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        advance(n);
                    }
                    return n;
                }
            };
        }

        synchronized void advance(long n) {
            sent += n;
            int percent = size == 0 ? 100 : (int) (sent * 100 / size);
            if (percent != drawn) {
                drawn = percent;
                int filled = percent * WIDTH / 100;
                err.printf(Locale.ROOT, "\rSending [%s%s] %3d%% %,d of %,d bytes%s", "#".repeat(filled),
                        " ".repeat(WIDTH - filled), percent, sent, size,
                        percent == 100 ? " - validating and importing…" : "");
                err.flush();
            }
        }

        synchronized void finish() {
            err.println();
            err.flush();
        }
    }
}
