package io.pipelens.command.importing;

import static io.pipelens.command.importing.ImportFixtures.PIPELINE;
import static io.pipelens.command.importing.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.pipelens.command.importing.ImportFixtures.RecordingGateway;
import io.pipelens.command.importing.ImportMapping.Activities;
import io.pipelens.command.importing.ImportMapping.Lifecycle;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Process-mining logs in XES, and gzipped logs of every format. */
class XesImportTest {

    private final RecordingGateway recording = new RecordingGateway();
    private final DealImporter importer = recording.importer();

    private static byte[] salesLog() {
        try (InputStream in = XesImportTest.class.getResourceAsStream("/importing/sales-log.xes")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The sales log's activities as stages, its resources as owners and its region as segment. */
    private static ImportMapping salesMapping() {
        return ImportMapping.xes()
                .withColumns(ImportMapping.xes().columns().withAttributes("org:resource", null, "case:region", null,
                        null))
                .withActivities(new Activities(Map.of("First call", "contact", "Discovery meeting", "requirements"),
                        Set.of("Deal won"), Set.of("Deal lost"), Set.of("Send reminder")))
                .withLifecycle(new Lifecycle("lifecycle:transition", Set.of("complete")));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void importsEachTraceAsADealReadingOnlyCompletedEvents() {
        ImportSummary summary = importer.importLog(PIPELINE, new ByteArrayInputStream(salesLog()),
                ImportOptions.xes(), salesMapping(), ImportProgress.NONE);

        assertThat(recording.deal("case-101")).isEqualTo(new RecordDealHistoryCommand("case-101", List.of(
                new OpenDealCommand("case-101", PIPELINE, "contact", new DealAttributes("ann", null, "north", null,
                        null), at("2026-01-05T08:40:00Z")),
                new MoveDealToStageCommand("case-101", "requirements", at("2026-01-12T13:30:00Z")),
                new WinDealCommand("case-101", at("2026-02-02T10:00:00Z")))));
        assertThat(recording.deal("case-102")).isEqualTo(new RecordDealHistoryCommand("case-102", List.of(
                new OpenDealCommand("case-102", PIPELINE, "contact", new DealAttributes("boris", null, "south", null,
                        null), at("2026-01-06T09:00:00Z")),
                new LoseDealCommand("case-102", "Deal lost", at("2026-01-20T15:15:00Z")))));
        assertThat(recording.deal("case-103").changes()).containsExactly(new OpenDealCommand("case-103", PIPELINE,
                "requirements", new DealAttributes("carla", null, null, null, null), at("2026-01-07T09:00:00Z")));
        assertThat(summary.rowsRead()).isEqualTo(9);
        assertThat(summary.skipped()).extracting(ImportProblem::row, ImportProblem::code).containsExactly(
                tuple(1L, "other-lifecycle"), tuple(6L, "ignored-activity"), tuple(8L, "other-lifecycle"));
        assertThat(summary.skipped().get(0).reason()).isEqualTo("lifecycle transition 'start' is not read "
                + "(lifecycle: complete)");
    }

    @Test
    void readsEveryEventWithoutALifecycleFilter() {
        importer.importLog(PIPELINE, new ByteArrayInputStream(salesLog()), ImportOptions.xes(),
                salesMapping().withLifecycle(Lifecycle.ALL), ImportProgress.NONE);

        assertThat(recording.deal("case-101").changes().get(0).occurredAt()).as("opened by the call's start")
                .isEqualTo(at("2026-01-05T08:00:00Z"));
    }

    @Test
    void refusesALifecycleFilterWhoseColumnIsNotInTheFile() {
        ImportMapping complete = ImportMapping.defaults()
                .withLifecycle(new Lifecycle("lifecycle:transition", Set.of("complete")));
        String csv = "deal_id,timestamp,stage\nl1,2026-01-05T09:00:00Z,contact\n";
        String ndjson = "{\"deal_id\":\"l1\",\"timestamp\":\"2026-01-05T09:00:00Z\",\"stage\":\"contact\","
                + "\"lifecycle\":\"complete\"}\n";

        ImportRejectedException fromCsv = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), complete, ImportProgress.NONE));
        ImportRejectedException mistyped = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text(ndjson), ImportOptions.ndjson(), complete,
                        ImportProgress.NONE));

        assertThat(fromCsv.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("missing-column");
            assertThat(problem.column()).isEqualTo("lifecycleColumn");
            assertThat(problem.reason()).isEqualTo("column 'lifecycle:transition' named by lifecycleColumn is missing"
                    + " from the header, so no row could be filtered by its lifecycle transition (lifecycle: complete)"
                    + "; the columns found are 'deal_id', 'timestamp', 'stage'");
        });
        assertThat(mistyped.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("missing-column");
            assertThat(problem.column()).isEqualTo("lifecycleColumn");
            assertThat(problem.reason()).contains("missing from every row");
        });
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void readsTheRowsWithoutATransitionWhenOthersHaveOne() {
        String ndjson = """
                {"deal_id":"l2","timestamp":"2026-01-05T09:00:00Z","stage":"contact"}
                {"deal_id":"l2","timestamp":"2026-01-06T09:00:00Z","stage":"requirements","t":"start"}
                {"deal_id":"l2","timestamp":"2026-01-07T09:00:00Z","stage":"requirements","t":"complete"}
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(ndjson), ImportOptions.ndjson(),
                ImportMapping.defaults().withLifecycle(new Lifecycle("t", Set.of("complete"))), ImportProgress.NONE);

        assertThat(recording.deal("l2").changes()).extracting(change -> change.occurredAt())
                .containsExactly(at("2026-01-05T09:00:00Z"), at("2026-01-07T09:00:00Z"));
        assertThat(summary.skippedByCode()).containsEntry("other-lifecycle", 1L);
    }

    @Test
    void readsAGzippedXesLogAsThePlainOne() {
        importer.importLog(PIPELINE, new ByteArrayInputStream(salesLog()), ImportOptions.xes(), salesMapping(),
                ImportProgress.NONE);
        List<RecordDealHistoryCommand> plain = List.copyOf(recording.sent);
        RecordingGateway gzipped = new RecordingGateway();

        ImportSummary summary = gzipped.importer().importLog(PIPELINE, new ByteArrayInputStream(gzip(salesLog())),
                ImportOptions.xes(), salesMapping(), ImportProgress.NONE);

        assertThat(summary.deals()).isEqualTo(3);
        assertThat(gzipped.sent).containsExactlyInAnyOrderElementsOf(plain);
    }

    @Test
    void readsGzippedCsvAndNdjson() {
        byte[] csv = "deal_id,timestamp,stage\nz1,2026-01-05T09:00:00Z,contact\nz1,2026-01-06T09:00:00Z,won\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] ndjson = "{\"deal_id\":\"z2\",\"timestamp\":\"2026-01-05T09:00:00Z\",\"stage\":\"contact\"}\n"
                .getBytes(StandardCharsets.UTF_8);

        ImportSummary fromCsv = importer.importLog(PIPELINE, new ByteArrayInputStream(gzip(csv)), ImportOptions.csv(),
                ImportMapping.defaults(), ImportProgress.NONE);
        ImportSummary fromNdjson = importer.importLog(PIPELINE, new ByteArrayInputStream(gzip(ndjson)),
                ImportOptions.ndjson(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(fromCsv.transitionsAppended()).isEqualTo(2);
        assertThat(fromNdjson.transitionsAppended()).isEqualTo(1);
        assertThat(recording.deal("z1").changes()).hasSize(2);
    }

    @Test
    void refusesAGzipBombByItsDecompressedSize() {
        StringBuilder csv = new StringBuilder("deal_id,timestamp,stage\n");
        while (csv.length() < 200_000) {
            csv.append("b1,2026-01-05T09:00:00Z,contact\n");
        }
        byte[] bomb = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).as("small when compressed").isLessThan(10_000);

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> recording.importer(new ImportLimits(10_000, 1_000_000)).importLog(PIPELINE,
                        new ByteArrayInputStream(bomb), bomb.length, ImportOptions.csv(), ImportMapping.defaults(),
                        ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().extracting(ImportProblem::code).isEqualTo("too-large");
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void refusesAGzippedXesLogByItsDecompressedSize() {
        StringBuilder xes = new StringBuilder("<log><trace><string key=\"concept:name\" value=\"c\"/>");
        while (xes.length() < 200_000) {
            xes.append("<event><string key=\"concept:name\" value=\"contact\"/></event>");
        }
        byte[] bomb = gzip(xes.append("</trace></log>").toString().getBytes(StandardCharsets.UTF_8));

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> recording.importer(new ImportLimits(10_000, 1_000_000)).importLog(PIPELINE,
                        new ByteArrayInputStream(bomb), ImportOptions.xes(), ImportMapping.xes(),
                        ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().extracting(ImportProblem::code).isEqualTo("too-large");
    }

    @Test
    void refusesAnXesLogWithAnExternalEntityWithoutReadingIt() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE log [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <log><trace><string key="concept:name" value="&secret;"/>
                <event><string key="concept:name" value="contact"/>
                <date key="time:timestamp" value="2026-01-05T09:00:00Z"/></event></trace></log>
                """;

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text(xxe), ImportOptions.xes(), ImportMapping.xes(),
                        ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("unreadable");
            assertThat(problem.reason()).contains("DTD");
        });
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void refusesAFileThatIsNoXesLogAndACutOne() {
        ImportRejectedException notXes = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text("<html><body/></html>"), ImportOptions.xes(),
                        ImportMapping.xes(), ImportProgress.NONE));
        ImportRejectedException cut = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text("<log><trace><string key=\"concept:name\" value=\"c\"/>"
                        + "<event><string key=\"concept:name\" value=\"contact\"/></ev"), ImportOptions.xes(),
                        ImportMapping.xes(), ImportProgress.NONE));

        assertThat(notXes.problems()).singleElement().extracting(ImportProblem::reason)
                .isEqualTo("is not an XES log: its root element is 'html', not 'log'");
        assertThat(cut.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("unreadable");
            assertThat(problem.reason()).startsWith("the XES file cannot be read past line 1");
        });
    }
}
