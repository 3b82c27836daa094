package io.pipelens.command.importing;

import static io.pipelens.command.importing.ImportFixtures.PIPELINE;
import static io.pipelens.command.importing.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.command.importing.ImportFixtures.RecordingGateway;
import io.pipelens.command.importing.ImportMapping.Activities;
import io.pipelens.command.importing.ImportMapping.Columns;
import io.pipelens.command.importing.ImportMapping.TimeFormat;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading CSV and NDJSON logs, mapping activities and ordering rows into one history per deal. */
class ImportParsingTest {

    private final RecordingGateway recording = new RecordingGateway();
    private final DealImporter importer = recording.importer();

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void recordsALaterRowsAttributesAsAChangeAtItsTimeKeepingTheValuesItLeavesEmpty() {
        ImportMapping mapping = ImportMapping.defaults().withColumns(Columns.of("deal_id", "timestamp", "stage")
                .withAttributes("owner", null, "segment", "amount", "currency"));
        String csv = """
                deal_id,timestamp,stage,owner,segment,amount,currency
                d1,2026-01-05T09:00:00Z,contact,ann,SMB,12500,EUR
                d1,2026-01-09T15:00:00Z,qualification,ann,,12500.00,EUR
                d1,2026-01-12T10:00:00Z,qualification,bob,,,
                d1,2026-01-20T15:00:00Z,won,bob,,14000,EUR
                d1,2026-01-21T15:00:00Z,won,,,,
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), mapping,
                ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", new DealAttributes("ann", null, "SMB",
                        new BigDecimal("12500"), "EUR"), at("2026-01-05T09:00:00Z")),
                new MoveDealToStageCommand("d1", "qualification", at("2026-01-09T15:00:00Z")),
                new io.pipelens.kernel.deal.ChangeDealAttributesCommand("d1", new DealAttributes("bob", null, "SMB",
                        new BigDecimal("12500"), "EUR"), at("2026-01-12T10:00:00Z")),
                new WinDealCommand("d1", at("2026-01-20T15:00:00Z")),
                new io.pipelens.kernel.deal.ChangeDealAttributesCommand("d1", new DealAttributes("bob", null, "SMB",
                        new BigDecimal("14000"), "EUR"), at("2026-01-20T15:00:00Z")));
        assertThat(summary.skipped()).extracting(ImportProblem::row, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "already-closed"));
    }

    @Test
    void recordsTheAttributeChangeOfAnIgnoredActivityAndNamesTheOneOfAContradictoryClose() {
        ImportMapping mapping = ImportMapping.defaults()
                .withColumns(Columns.of("deal_id", "timestamp", "stage").withAttributes("owner", null, null, null, null))
                .withActivities(Activities.DEFAULT.withIgnore(Set.of("reminder")));
        String csv = """
                deal_id,timestamp,stage,owner
                d1,2026-01-05T09:00:00Z,contact,ann
                d1,2026-01-07T09:00:00Z,reminder,bob
                d1,2026-01-08T09:00:00Z,reminder,bob
                d1,2026-01-10T09:00:00Z,won,
                d1,2026-01-12T09:00:00Z,lost,carla
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(csv), ImportOptions.csv().skippingBadRows(),
                mapping, ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", new DealAttributes("ann", null, null, null, null),
                        at("2026-01-05T09:00:00Z")),
                new io.pipelens.kernel.deal.ChangeDealAttributesCommand("d1", new DealAttributes("bob", null, null,
                        null, null), at("2026-01-07T09:00:00Z")),
                new WinDealCommand("d1", at("2026-01-10T09:00:00Z")));
        assertThat(summary.skipped()).extracting(ImportProblem::row, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "ignored-activity"),
                org.assertj.core.groups.Tuple.tuple(5L, "closed-twice"));
        assertThat(summary.skipped().get(1).reason()).endsWith("a stage row must reopen it first (the row's"
                + " attribute change is not read either)");
    }

    @Test
    void importsACsvLogAsOneHistoryPerDealWithTheFirstRowsAttributes() {
        ImportMapping mapping = ImportMapping.defaults().withColumns(Columns.of("deal_id", "timestamp", "stage")
                .withAttributes("owner", "source", "segment", "amount", "currency").withLostReason("reason"));
        String csv = """
                deal_id,timestamp,stage,owner,source,segment,amount,currency,reason
                d1,2026-01-05T09:00:00Z,contact,ann,referral,SMB,12500,EUR,
                d2,2026-01-06T09:00:00+01:00,qualification,boris,inbound,,,,
                d1,2026-01-09T15:00:00Z,qualification,ann,referral,SMB,12500,EUR,
                d1,2026-01-20T15:00:00Z,lost,,,,,,no budget
                d2,2026-02-01T10:00:00Z,won,,,,,,
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), mapping,
                ImportProgress.NONE);

        assertThat(recording.deal("d1")).isEqualTo(new RecordDealHistoryCommand("d1", List.of(
                new OpenDealCommand("d1", PIPELINE, "contact", new DealAttributes("ann", "referral", "SMB",
                        new BigDecimal("12500"), "EUR"), at("2026-01-05T09:00:00Z")),
                new MoveDealToStageCommand("d1", "qualification", at("2026-01-09T15:00:00Z")),
                new LoseDealCommand("d1", "no budget", at("2026-01-20T15:00:00Z")))));
        assertThat(recording.deal("d2")).isEqualTo(new RecordDealHistoryCommand("d2", List.of(
                new OpenDealCommand("d2", PIPELINE, "qualification", new DealAttributes("boris", "inbound", null,
                        null, null), at("2026-01-06T08:00:00Z")),
                new WinDealCommand("d2", at("2026-02-01T10:00:00Z")))));
        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.deals()).isEqualTo(2);
        assertThat(summary.transitionsAppended()).isEqualTo(5);
        assertThat(summary.rowsSkipped()).isZero();
        assertThat(summary.rejectedDeals()).isEmpty();
    }

    @Test
    void readsACsvLogWithAnotherDelimiterAndQuotedFields() {
        String csv = """
                deal_id;timestamp;stage;reason
                d1;2026-01-05T09:00:00Z;contact;
                d1;2026-01-07T09:00:00Z;closed_lost;"chose a competitor; cheaper"
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv().withDelimiter(';'), ImportMapping.defaults()
                .withColumns(Columns.of("deal_id", "timestamp", "stage").withLostReason("reason")), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).last()
                .isEqualTo(new LoseDealCommand("d1", "chose a competitor; cheaper", at("2026-01-07T09:00:00Z")));
    }

    @Test
    void readsAnNdjsonLog() {
        String ndjson = """
                {"deal_id": "d1", "timestamp": "2026-01-05T09:00:00Z", "stage": "contact", "amount": 900.5, "currency": "USD"}

                {"deal_id": "d1", "timestamp": "2026-01-08T09:00:00Z", "stage": "profiling"}
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(ndjson), ImportOptions.ndjson(),
                ImportMapping.defaults().withColumns(Columns.of("deal_id", "timestamp", "stage")
                        .withAttributes(null, null, null, "amount", "currency")), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", new DealAttributes(null, null, null,
                        new BigDecimal("900.5"), "USD"), at("2026-01-05T09:00:00Z")),
                new MoveDealToStageCommand("d1", "profiling", at("2026-01-08T09:00:00Z")));
        assertThat(summary.rowsRead()).isEqualTo(2);
    }

    @Test
    void importsAProcessMiningLogThroughTheMappingAlone() {
        String ndjson = """
                {"case": "c-7", "activity": "First call", "time": "05.01.2026 09:00"}
                {"case": "c-7", "activity": "Send reminder", "time": "06.01.2026 09:00"}
                {"case": "c-7", "activity": "Discovery meeting", "time": "09.01.2026 14:30"}
                {"case": "c-7", "activity": "Deal won", "time": "01.02.2026 10:00"}
                """;
        ImportMapping mapping = new ImportMapping(Columns.of("case", "time", "activity"),
                new Activities(Map.of("First call", "contact", "Discovery meeting", "requirements"), Set.of("deal won"),
                        Set.of("deal lost"), Set.of("send reminder")),
                TimeFormat.pattern("dd.MM.yyyy HH:mm", ZoneId.of("Europe/Berlin")));

        ImportSummary summary = importer.importLog(PIPELINE, text(ndjson), ImportOptions.ndjson(), mapping,
                ImportProgress.NONE);

        assertThat(recording.deal("c-7").changes()).containsExactly(
                new OpenDealCommand("c-7", PIPELINE, "contact", DealAttributes.NONE, at("2026-01-05T08:00:00Z")),
                new MoveDealToStageCommand("c-7", "requirements", at("2026-01-09T13:30:00Z")),
                new WinDealCommand("c-7", at("2026-02-01T09:00:00Z")));
        assertThat(summary.rowsSkipped()).isEqualTo(1);
        assertThat(summary.skipped()).containsExactly(new ImportProblem(2, null, "ignored-activity", "ignored activity"));
    }

    @Test
    void matchesStageKeysAndWordsIgnoringCaseAndSpaces() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-05T09:00:00Z, Contact
                d1,2026-01-06T09:00:00Z,CLOSED_WON
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", DealAttributes.NONE, at("2026-01-05T09:00:00Z")),
                new WinDealCommand("d1", at("2026-01-06T09:00:00Z")));
    }

    @Test
    void takesTheOutcomeColumnOverTheStageColumn() {
        String csv = """
                deal_id,timestamp,stage,outcome
                d1,2026-01-05T09:00:00Z,contact,
                d1,2026-01-06T09:00:00Z,contact,lost
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults()
                .withColumns(Columns.of("deal_id", "timestamp", "stage").withOutcome("outcome")), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).last()
                .isEqualTo(new LoseDealCommand("d1", "lost", at("2026-01-06T09:00:00Z")));
    }

    @Test
    void ordersADealsRowsByTimeKeepingFileOrderForTies() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-10T09:00:00Z,requirements
                d1,2026-01-05T09:00:00Z,contact
                d1,2026-01-08T09:00:00Z,qualification
                d1,2026-01-08T09:00:00Z,profiling
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", DealAttributes.NONE, at("2026-01-05T09:00:00Z")),
                new MoveDealToStageCommand("d1", "qualification", at("2026-01-08T09:00:00Z")),
                new MoveDealToStageCommand("d1", "profiling", at("2026-01-08T09:00:00Z")),
                new MoveDealToStageCommand("d1", "requirements", at("2026-01-10T09:00:00Z")));
    }

    @Test
    void skipsARowForTheStageTheDealIsAtAsANoOp() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-05T09:00:00Z,contact
                d1,2026-01-06T09:00:00Z,contact
                d1,2026-01-07T09:00:00Z,won
                d1,2026-01-08T09:00:00Z,won
                """;

        ImportSummary summary = importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(),
                ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).hasSize(2);
        assertThat(summary.rowsSkipped()).isEqualTo(2);
        assertThat(summary.skipped()).extracting(ImportProblem::row).containsExactly(2L, 4L);
        assertThat(summary.skipped().get(0).reason()).contains("already at stage 'contact'");
    }

    @Test
    void reopensAClosedDealIntoTheStageOfTheNextStageRow() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-05T09:00:00Z,contact
                d1,2026-01-06T09:00:00Z,lost
                d1,2026-03-01T09:00:00Z,qualification
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).containsExactly(
                new OpenDealCommand("d1", PIPELINE, "contact", DealAttributes.NONE, at("2026-01-05T09:00:00Z")),
                new LoseDealCommand("d1", "lost", at("2026-01-06T09:00:00Z")),
                new ReopenDealCommand("d1", "qualification", at("2026-03-01T09:00:00Z")));
    }

    @Test
    void keepsBusinessTimeToTheMillisecond() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-05T09:00:00.123456Z,contact
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes().get(0).occurredAt()).isEqualTo(at("2026-01-05T09:00:00.123Z"));
    }

    @Test
    void readsDateOnlyPatternsAsTheStartOfTheDayInTheZone() {
        String csv = """
                deal_id,timestamp,stage
                d1,2026-01-05,contact
                """;

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults()
                .withTime(TimeFormat.pattern("yyyy-MM-dd", ZoneId.of("Asia/Tokyo"))), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes().get(0).occurredAt()).isEqualTo(at("2026-01-04T15:00:00Z"));
    }

    @Test
    void importsAProcessMiningCsvWithCaseActivityAndTimestampColumns() {
        String csv = """
                case,activity,timestamp
                c-1,Lead created,2026-01-05T09:00:00Z
                c-2,Lead created,2026-01-05T10:00:00Z
                c-1,Qualification,2026-01-06T09:00:00Z
                c-1,Closed Lost,2026-01-07T09:00:00Z
                """;
        ImportMapping mapping = ImportMapping.defaults().withColumns(Columns.of("case", "timestamp", "activity"))
                .withActivities(Activities.DEFAULT.withStages(Map.of("Lead created", "contact")));

        ImportSummary summary = importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), mapping,
                ImportProgress.NONE);

        assertThat(recording.deal("c-1").changes()).containsExactly(
                new OpenDealCommand("c-1", PIPELINE, "contact", DealAttributes.NONE, at("2026-01-05T09:00:00Z")),
                new MoveDealToStageCommand("c-1", "qualification", at("2026-01-06T09:00:00Z")),
                new LoseDealCommand("c-1", "Closed Lost", at("2026-01-07T09:00:00Z")));
        assertThat(recording.deal("c-2").changes()).hasSize(1);
        assertThat(summary.deals()).isEqualTo(2);
    }

    @Test
    void readsACsvThatStartsWithAByteOrderMark() {
        String csv = "\uFEFFdeal_id,timestamp,stage\nd1,2026-01-05T09:00:00Z,contact\n";

        importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("d1").changes()).hasSize(1);
    }
}
