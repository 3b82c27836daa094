package io.pipelens.command.importing;

import static io.pipelens.command.importing.ImportFixtures.PIPELINE;
import static io.pipelens.command.importing.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.verifyNoInteractions;

import io.pipelens.command.importing.ImportFixtures.RecordingGateway;
import io.pipelens.command.importing.ImportMapping.Columns;
import io.pipelens.command.importing.ImportMapping.TimeFormat;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every problem of a file is found before anything is sent, and named by row, column and reason. */
class ImportValidationTest {

    private static final String HEADER = "deal_id,timestamp,stage,amount,currency\n";

    private final RecordingGateway recording = new RecordingGateway();
    private final DealImporter importer = recording.importer();

    private ImportRejectedException refused(String csv) {
        return refused(text(csv), ImportOptions.csv(), ImportMapping.defaults().withColumns(Columns.of("deal_id",
                "timestamp", "stage").withAttributes(null, null, null, "amount", "currency")));
    }

    private ImportRejectedException refused(InputStream input, ImportOptions options, ImportMapping mapping) {
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, input, options, mapping, ImportProgress.NONE));
        assertThat(refused).as("the file is refused").isNotNull();
        verifyNoInteractions(recording.gateway);
        return refused;
    }

    @Test
    void refusesTheWholeFileWhenOneRowIsBadAndSendsNothing() {
        ImportRejectedException refused = refused(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d2,2026-01-05T09:00:00Z,contact,,
                d2,yesterday,profiling,,
                d3,2026-01-05T09:00:00Z,contact,,
                """);

        assertThat(refused.problems()).containsExactly(new ImportProblem(3, "timestamp", "unparsable-timestamp",
                "'yesterday' is not a "
                + "timestamp; expected ISO-8601 with an offset, e.g. 2026-01-05T09:00:00Z or 2026-01-05T10:00:00+01:00"));
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void namesTheExpectedPatternOfABadTimestamp() {
        ImportRejectedException refused = refused(text("deal_id,timestamp,stage\nd1,2026-01-05T09:00:00Z,contact\n"),
                ImportOptions.csv(), ImportMapping.defaults().withTime(TimeFormat.pattern("dd.MM.yyyy HH:mm",
                        ZoneId.of("Europe/Berlin"))));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo("timestamp");
            assertThat(problem.reason()).contains("'dd.MM.yyyy HH:mm' in zone Europe/Berlin");
        });
    }

    @Test
    void reportsEveryBadRowWithItsColumn() {
        ImportRejectedException refused = refused(HEADER + """
                ,2026-01-05T09:00:00Z,contact,,
                d2,2026-01-05T09:00:00Z,Call,,
                d3,2026-01-05T09:00:00Z,contact,12.500,50 EUR
                d4,2026-01-05T09:00:00Z,contact,1 200,EUR
                d5,2026-01-05T09:00:00Z,,,
                """);

        assertThat(refused.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "deal_id"),
                org.assertj.core.groups.Tuple.tuple(2L, "stage"),
                org.assertj.core.groups.Tuple.tuple(3L, "currency"),
                org.assertj.core.groups.Tuple.tuple(4L, "amount"),
                org.assertj.core.groups.Tuple.tuple(5L, "stage"));
        assertThat(refused.problems()).extracting(ImportProblem::code).containsExactly("missing-value",
                "unknown-activity", "invalid-attribute", "invalid-amount", "missing-value");
        assertThat(refused.problems().get(0).reason()).isEqualTo("the deal id is missing");
        assertThat(refused.problems().get(1).reason()).startsWith("'Call' is neither a stage of pipeline 'main' "
                + "(version 1; its stages are contact, profiling").contains("map=Call:<stage>");
        assertThat(refused.problems().get(3).reason()).startsWith("'1 200' is not a number");
        assertThat(refused.total()).isEqualTo(5);
    }

    @Test
    void refusesATruncatedLine() {
        ImportRejectedException refused = refused(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,100,EUR
                d1,2026-01-07T09:00
                """);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.reason()).isEqualTo("has 2 fields, the header has 5 (a truncated line, or a stray "
                    + "delimiter?)");
        });
    }

    @Test
    void refusesAFileCutInsideAQuotedField() {
        ImportRejectedException refused = refused(HEADER + "d1,2026-01-05T09:00:00Z,contact,100,EUR\n"
                + "d1,2026-01-07T09:00:00Z,\"profil");

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.reason()).contains("cannot be read past this row");
        });
    }

    @Test
    void refusesAWrongDelimiterNamingTheColumnsFound() {
        ImportRejectedException refused = refused("deal_id;timestamp;stage\nd1;2026-01-05T09:00:00Z;contact\n");

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.column()).isEqualTo("header");
            assertThat(problem.reason()).isEqualTo("required columns deal_id, timestamp, stage are missing; the "
                    + "columns found are 'deal_id;timestamp;stage'; the header has a single column, so the delimiter is"
                    + " probably not ',' (set the delimiter option)");
        });
    }

    @Test
    void refusesAMissingColumnNamingTheColumnsFound() {
        ImportRejectedException refused = refused("deal,timestamp,stage\nd1,2026-01-05T09:00:00Z,contact\n");

        assertThat(refused.problems()).singleElement().extracting(ImportProblem::reason).isEqualTo("required column "
                + "deal_id is missing; the columns found are 'deal', 'timestamp', 'stage'");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(refused("").problems()).containsExactly(new ImportProblem(0, null, "empty-file", "the file is empty"));
    }

    @Test
    void refusesAFileWithAHeaderAndNoRows() {
        assertThat(refused(HEADER).problems()).containsExactly(new ImportProblem(0, null, "empty-file",
                "the file has a header but no data rows"));
    }

    @Test
    void refusesANonJsonLineByItsLineNumber() {
        String ndjson = """
                {"deal_id": "d1", "timestamp": "2026-01-05T09:00:00Z", "stage": "contact"}
                {"deal_id": "d1", "timestamp": "2026-01-06T09:00:00Z", "sta
                deal_id,timestamp,stage
                ["d1"]
                """;

        ImportRejectedException refused = refused(text(ndjson), ImportOptions.ndjson(), ImportMapping.defaults());

        assertThat(refused.problems()).extracting(ImportProblem::row).containsExactly(2L, 3L, 4L);
        assertThat(refused.problems().get(0).reason()).startsWith("is not JSON");
        assertThat(refused.problems().get(2).reason()).isEqualTo("is not a JSON object; every line must be one JSON "
                + "object");
    }

    @Test
    void refusesAnUnknownPipeline() {
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog("nope", text(HEADER), ImportOptions.csv(), ImportMapping.defaults(),
                        ImportProgress.NONE));

        assertThat(refused.problems()).containsExactly(new ImportProblem(0, "pipelineId", "unknown-pipeline",
                "no pipeline 'nope' is defined; define it before importing its deals"));
        verifyNoInteractions(recording.gateway);
    }

    @Test
    void refusesAMappingToAStageThePipelineDoesNotHave() {
        ImportRejectedException refused = refused(text("deal_id,timestamp,stage\n"), ImportOptions.csv(),
                ImportMapping.defaults().withActivities(ImportMapping.Activities.DEFAULT
                        .withStages(java.util.Map.of("call", "calling"))));

        assertThat(refused.problems()).singleElement().extracting(ImportProblem::column).isEqualTo("map");
    }

    @Test
    void refusesADealThatIsClosedBeforeItHasAStageOrClosedTwice() {
        ImportRejectedException refused = refused(HEADER + """
                d1,2026-01-05T09:00:00Z,won,,
                d2,2026-01-05T09:00:00Z,contact,,
                d2,2026-01-06T09:00:00Z,won,,
                d2,2026-01-07T09:00:00Z,lost,,
                """);

        assertThat(refused.problems()).extracting(ImportProblem::row).containsExactly(1L, 4L);
        assertThat(refused.problems().get(0).reason()).contains("must be a stage");
        assertThat(refused.problems().get(1).reason()).contains("already closed at row 3");
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        DealImporter small = recording.importer(new ImportLimits(1_000_000, 2));
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> small.importLog(PIPELINE, text("deal_id,timestamp,stage\n" + "d1,2026-01-05T09:00:00Z,contact\n"
                        .repeat(3)), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().extracting(ImportProblem::reason)
                .isEqualTo("the file has more than 2 data rows, the most one import takes; split it");
        verifyNoInteractions(recording.gateway);
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        DealImporter small = recording.importer(new ImportLimits(100, 1000));
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> small.importLog(PIPELINE, text(HEADER + "d1,2026-01-05T09:00:00Z,contact,,\n".repeat(10)),
                        ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(refused.problems()).containsExactly(new ImportProblem(0, null, "too-large",
                "the file is larger than 100 bytes, the most one import takes; split it"));
        verifyNoInteractions(recording.gateway);
    }

    @Test
    void refuses50MegabytesOfGarbageQuicklyWithAClearReason() {
        byte[] garbage = new byte[50_000_000];
        new SplittableRandom(7).nextBytes(garbage);
        long started = System.nanoTime();

        ImportRejectedException refused = refused(new java.io.ByteArrayInputStream(garbage), ImportOptions.csv(),
                ImportMapping.defaults());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.reason()).satisfiesAnyOf(
                    reason -> assertThat(reason).startsWith("required columns deal_id, timestamp, stage are missing"),
                    reason -> assertThat(reason).startsWith("cannot be read"));
        });
    }

    @Test
    void refusesAFileDeclaredLargerThanTheLimitBeforeReadingIt() {
        byte[] garbage = new byte[52_428_801];
        new SplittableRandom(11).nextBytes(garbage);
        long started = System.nanoTime();

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, new java.io.ByteArrayInputStream(garbage), garbage.length,
                        ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(refused.problems()).containsExactly(new ImportProblem(0, null, "too-large", "the file has 52428801 bytes, more "
                + "than 52428800, the most one import takes; split it"));
        verifyNoInteractions(recording.gateway);
    }

    @Test
    void refusesAnNdjsonFileThatIsOneHugeLine() {
        byte[] garbage = new byte[5_000_000];
        java.util.Arrays.fill(garbage, (byte) 'x');

        ImportRejectedException refused = refused(new java.io.ByteArrayInputStream(garbage), ImportOptions.ndjson(),
                ImportMapping.defaults());

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.reason()).startsWith("is longer than 1048576 characters");
        });
    }

    @Test
    void skipsAndListsBadRowsWhenAskedAndImportsTheRest() {
        ImportSummary summary = importer.importLog(PIPELINE, text(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d1,not a time,profiling,,
                d2,2026-01-05T09:00:00Z,Call,,
                d3,2026-01-05T09:00:00Z,contact,,
                """), ImportOptions.csv().skippingBadRows(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.sent).extracting(RecordDealHistoryCommand::dealId).containsExactlyInAnyOrder("d1", "d3");
        assertThat(summary.rowsRead()).isEqualTo(4);
        assertThat(summary.rowsSkipped()).isEqualTo(2);
        assertThat(summary.skipped()).extracting(ImportProblem::row).containsExactly(2L, 3L);
        assertThat(summary.skipped()).extracting(ImportProblem::code)
                .containsExactly("unparsable-timestamp", "unknown-activity");
        assertThat(summary.skippedByCode()).containsOnly(entry("unparsable-timestamp", 1L),
                entry("unknown-activity", 1L));
        assertThat(summary.deals()).isEqualTo(2);
        assertThat(summary.transitionsAppended()).isEqualTo(2);
        assertThat(recording.imports).singleElement().satisfies(recorded -> {
            assertThat(recorded.facts().importId()).isEqualTo(summary.importId());
            assertThat(recorded.facts().pipelineId()).isEqualTo(PIPELINE);
            assertThat(recorded.facts().rowsRead()).isEqualTo(4);
            assertThat(recorded.facts().rowsSkipped()).isEqualTo(2);
            assertThat(recorded.facts().skippedRowsByReason()).containsOnly(entry("unparsable-timestamp", 1L),
                    entry("unknown-activity", 1L));
            assertThat(recorded.facts().deals()).isEqualTo(2);
            assertThat(recorded.facts().transitionsAppended()).isEqualTo(2);
            assertThat(recorded.facts().importedAt()).isEqualTo(ImportFixtures.CLOCK.instant());
        });
    }

    @Test
    void countsOnlyInvalidRowsByCodeInTheImportsRecordNotRowsSkippedOnPurpose() {
        ImportSummary summary = importer.importLog(PIPELINE, text(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d1,2026-01-06T09:00:00Z,contact,,
                """), ImportOptions.csv().withSource("crm.csv"), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.skippedByCode()).containsOnly(entry("already-at-stage", 1L));
        assertThat(recording.imports).singleElement().satisfies(recorded -> {
            assertThat(recorded.facts().source()).isEqualTo("crm.csv");
            assertThat(recorded.facts().rowsSkipped()).isEqualTo(1);
            assertThat(recorded.facts().skippedRowsByReason()).isEmpty();
        });
    }

    @Test
    void refusesARowThatLiesInTheFuture() {
        ImportRejectedException refused = refused(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d1,2026-12-01T00:04:59Z,profiling,,
                d1,2026-12-01T00:05:01Z,requirements,,
                """);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("timestamp");
            assertThat(problem.code()).isEqualTo("future-timestamp");
            assertThat(problem.reason()).contains("lies in the future");
        });
    }

    @Test
    void refusesTheFileWhenTheStoreRefusesOneDealAndNamesItsRow() {
        recording.refuse.add("d2");
        recording.existing.add("d1");
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text(HEADER + """
                        d1,2026-01-05T09:00:00Z,contact,,
                        d2,2026-01-05T09:00:00Z,contact,,
                        d2,2026-01-07T09:00:00Z,profiling,,
                        d3,2026-01-05T09:00:00Z,contact,,
                        """), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(refused.problems()).containsExactly(new ImportProblem(3, "stage", "refused-by-store", "deal 'd2' as the event store "
                + "holds it: deal 'd2' is closed (lost); reopen it before you move it"));
        assertThat(recording.checked).extracting(RecordDealHistoryCommand::dealId)
                .as("only deals the store holds are checked against it").containsExactly("d1");
        assertThat(recording.sent).isEmpty();
        assertThat(recording.imports).isEmpty();
    }

    @Test
    void skipsADealTheStoreRefusesWhenAskedAndRecordsTheOthers() {
        recording.refuse.add("d2");
        List<ImportProgress.Update> updates = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        ImportSummary summary = importer.importLog(PIPELINE, text(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d2,2026-01-05T09:00:00Z,contact,,
                d3,2026-01-05T09:00:00Z,contact,,
                """), ImportOptions.csv().skippingBadRows(), ImportMapping.defaults(), updates::add);

        assertThat(summary.rejectedDeals()).containsExactly(new ImportSummary.RejectedDeal("d2", List.of(
                new Violation("changes[1].stage", "deal 'd2' is closed (lost); reopen it before you move it"))));
        assertThat(recording.sent).extracting(RecordDealHistoryCommand::dealId).containsExactlyInAnyOrder("d1", "d3");
        assertThat(summary.transitionsAppended()).isEqualTo(2);
        assertThat(updates).last().isEqualTo(new ImportProgress.Update(ImportProgress.Phase.DONE, 3, 3, 3, 2, 0));
        assertThat(updates).filteredOn(u -> u.phase() == ImportProgress.Phase.CHECKING).hasSize(1);
        assertThat(updates).filteredOn(u -> u.phase() == ImportProgress.Phase.IMPORTING)
                .as("d1 and d3 are recorded in one batch").hasSize(1);
        assertThat(recording.imports).singleElement().satisfies(recorded -> {
            assertThat(recorded.facts().rejectedDeals()).isEqualTo(1);
            assertThat(recorded.facts().transitionsAppended()).isEqualTo(2);
        });
    }

    @Test
    void appendsNothingInADryRunAndSaysWhatWouldBeAppended() {
        ImportSummary summary = importer.importLog(PIPELINE, text(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d1,2026-01-06T09:00:00Z,profiling,,
                """), ImportOptions.csv().dryRunOnly(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.transitionsAppended()).isEqualTo(2);
        assertThat(summary.importId()).isNull();
        assertThat(recording.checked).as("a new deal was checked in full while validating").isEmpty();
        assertThat(recording.sent).isEmpty();
        assertThat(recording.imports).isEmpty();
    }

    @Test
    void checksADealTheStoreHoldsInADryRun() {
        recording.existing.add("d1");
        ImportSummary summary = importer.importLog(PIPELINE, text(HEADER + """
                d1,2026-01-05T09:00:00Z,contact,,
                d1,2026-01-06T09:00:00Z,profiling,,
                """), ImportOptions.csv().dryRunOnly(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.transitionsAppended()).isEqualTo(2);
        assertThat(recording.checked).extracting(RecordDealHistoryCommand::dealId).containsExactly("d1");
        assertThat(recording.sent).isEmpty();
    }
}
