package io.pipelens.launcher.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.demo.DemoEventLog;
import io.pipelens.demo.DemoHistories;
import io.pipelens.demo.DemoHistoryCheck;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import io.pipelens.query.analytics.oracle.Oracle;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated CSV of 100,000 deals ({@code -Dpipelens.test.import-deals} sets another number) is imported through the
 * command service's importer into the embedded default, and the query service projects it. Its funnel, time in stage
 * and skip impact must then equal the oracle's, computed straight from the generated histories (the events
 * {@link DemoHistoryCheck} derives from each by hand), and a second import of the same file must append nothing.
 */
class ImportedHistoryAnalyticsTest {

    private static final String PIPELINE = "imported";
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final int DEALS = Integer.getInteger("pipelens.test.import-deals", 100_000);
    private static final double RELATIVE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void analyticsOverAnImportedFileEqualTheOracleAndASecondImportAddsNothing() throws Exception {
        DemoHistories histories = new DemoHistories(PIPELINE, 11, AS_OF);
        Path file = dir.resolve("deals.csv");
        long rows;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = DemoEventLog.write(histories.deals(0, DEALS).iterator(), out);
        }
        try (Services services = PipelensLauncher.start("--pipelens.data-dir=" + dir.resolve("data"),
                "--server.port=0", "--pipelens.mongo.embedded.persistent=false",
                "--pipelens.import.max-bytes=" + 2 * Files.size(file), "--pipelens.import.max-rows=" + 2 * rows,
                "--logging.level.io.pipelens=WARN")) {
            services.command().getBean(CommandGateway.class).sendAndWait(new DefinePipelineCommand(PIPELINE,
                    "Imported", SolutionSalesTemplate.STAGES, AS_OF.minus(Duration.ofDays(1000))));
            DealImporter importer = services.command().getBean(DealImporter.class);

            ImportSummary first = importFile(importer, file);
            assertThat(first.rejectedDeals()).isEmpty();
            assertThat(first.deals()).isEqualTo(DEALS);
            assertThat(first.transitionsAppended()).isEqualTo(rows);
            ImportSummary second = importFile(importer, file);
            assertThat(second.transitionsAppended()).as("appended by the second import").isZero();
            assertThat(second.duplicates()).isEqualTo(rows);

            String port = services.queryPort();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp(port));
            JsonNode answers = graphQl(port, "{ funnel(pipelineId: \"" + PIPELINE + "\") { context { deals } open won"
                    + " lost stages { reached visited skipped openAt lostAt wonFrom progressed stageConversion } }"
                    + " timeInStage(pipelineId: \"" + PIPELINE + "\", asOf: \"" + AS_OF + "\") { stages { censored"
                    + " kaplanMeierMedianSeconds durations { count meanSeconds medianSeconds p90Seconds } } }"
                    + " skipImpact(pipelineId: \"" + PIPELINE + "\") { stages { skippedLost skippedWon visitedLost"
                    + " visitedWon fisherP q relativeRisk } } }");

            List<List<DealEvent>> events = histories.deals(0, DEALS).map(DemoHistoryCheck::expectedEvents).toList();
            Oracle oracle = new Oracle(SolutionSalesTemplate.STAGES, List.of());
            List<Oracle.Deal> deals = oracle.select(events, new Oracle.Query("ALL", null, null, null, null, null));
            assertFunnel(answers.get("funnel"), oracle.funnel(deals));
            assertTimeInStage(answers.get("timeInStage"), oracle.timeInStage(deals, "CUMULATIVE", AS_OF));
            assertSkipImpact(answers.get("skipImpact"), oracle.skipImpact(deals));
        }
    }

    private static void assertFunnel(JsonNode funnel, Oracle.Funnel want) {
        assertThat(funnel.at("/context/deals").asInt()).as("deals").isEqualTo(want.deals()).isEqualTo(DEALS);
        assertThat(List.of(funnel.get("open").asInt(), funnel.get("won").asInt(), funnel.get("lost").asInt()))
                .as("open, won, lost").isEqualTo(List.of(want.open(), want.won(), want.lost()));
        for (int k = 0; k < want.stages().size(); k++) {
            JsonNode row = funnel.get("stages").get(k);
            Oracle.FunnelStage stage = want.stages().get(k);
            assertThat(List.of(row.get("reached").asInt(), row.get("visited").asInt(), row.get("skipped").asInt(),
                    row.get("openAt").asInt(), row.get("lostAt").asInt(), row.get("wonFrom").asInt(),
                    row.get("progressed").asInt())).as("funnel stage %d", k + 1).isEqualTo(List.of(stage.reached(),
                    stage.visited(), stage.skipped(), stage.openAt(), stage.lostAt(), stage.wonFrom(),
                    stage.progressed()));
            close("conversion at stage " + (k + 1), row.get("stageConversion"), stage.stageConversion());
        }
    }

    private static void assertTimeInStage(JsonNode times, List<Oracle.StageTime> want) {
        assertThat(times.get("stages")).hasSize(want.size());
        for (int k = 0; k < want.size(); k++) {
            JsonNode row = times.get("stages").get(k);
            Oracle.StageTime stage = want.get(k);
            String at = " at stage " + (k + 1);
            assertThat(row.at("/durations/count").asInt()).as("durations" + at).isEqualTo(stage.summary().count());
            assertThat(row.get("censored").asInt()).as("censored" + at).isEqualTo(stage.censored());
            close("mean" + at, row.at("/durations/meanSeconds"), stage.summary().mean());
            close("median" + at, row.at("/durations/medianSeconds"), stage.summary().median());
            close("p90" + at, row.at("/durations/p90Seconds"), stage.summary().p90());
            close("Kaplan-Meier median" + at, row.get("kaplanMeierMedianSeconds"), stage.kaplanMeierMedian());
        }
    }

    private static void assertSkipImpact(JsonNode skips, List<Oracle.SkipStage> want) {
        for (int k = 0; k < want.size(); k++) {
            JsonNode row = skips.get("stages").get(k);
            Oracle.SkipStage stage = want.get(k);
            assertThat(List.of(row.get("skippedLost").asInt(), row.get("skippedWon").asInt(),
                    row.get("visitedLost").asInt(), row.get("visitedWon").asInt())).as("skip table at stage %d", k + 1)
                    .isEqualTo(List.of(stage.a(), stage.b(), stage.c(), stage.d()));
            close("Fisher p at stage " + (k + 1), row.get("fisherP"), stage.p());
            close("q at stage " + (k + 1), row.get("q"), stage.q());
            close("relative risk at stage " + (k + 1), row.get("relativeRisk"), stage.relativeRisk());
        }
    }

    private static void close(String what, JsonNode actual, Double expected) {
        if (expected == null || actual == null || actual.isNull()) {
            assertThat(actual == null || actual.isNull() ? null : actual.asDouble()).as(what).isEqualTo(expected);
            return;
        }
        double value = actual.asDouble();
        assertThat(Math.abs(value - expected)).as("%s: %s vs the oracle's %s", what, value, expected)
                .isLessThanOrEqualTo(RELATIVE * Math.max(Math.abs(expected), Math.abs(value)));
    }

    private static ImportSummary importFile(DealImporter importer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.importLog(PIPELINE, in, Files.size(file), ImportOptions.csv(), DemoEventLog.mapping(),
                    ImportProgress.NONE);
        }
    }

    /** deal-journey has handled the store's head, with no replay running. */
    private static boolean caughtUp(String port) throws Exception {
        for (JsonNode projection : graphQl(port, "{ projections { name position head replaying } }")
                .get("projections")) {
            if (projection.get("name").asText().equals("deal-journey")) {
                return !projection.get("replaying").asBoolean() && !projection.get("head").isNull()
                        && projection.get("position").asDouble() >= projection.get("head").asDouble();
            }
        }
        return false;
    }

    private static JsonNode graphQl(String port, String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("errors")).as("errors of %s", query).isNull();
        return answer.get("data");
    }
}
