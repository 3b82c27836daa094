package io.pipelens.command.importing;

import static io.pipelens.command.importing.ImportFixtures.PIPELINE;
import static io.pipelens.command.importing.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pipelens.command.importing.ImportFixtures.RecordingGateway;
import io.pipelens.command.importing.ImportMapping.Columns;
import io.pipelens.kernel.deal.OpenDealCommand;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The options that spare a user thousands of identical row problems, and the hints that name them. */
class ImportOptionsTest {

    private final RecordingGateway recording = new RecordingGateway();
    private final DealImporter importer = recording.importer();

    private ImportRejectedException refused(String csv, ImportMapping mapping) {
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, text(csv), ImportOptions.csv(), mapping, ImportProgress.NONE));
        assertThat(refused).as("the file is refused").isNotNull();
        assertThat(recording.sent).isEmpty();
        return refused;
    }

    @Test
    void namesTheOutcomeColumnOnceWithTheCountWhenCloseRowsHaveNoStage() {
        ImportRejectedException refused = refused("""
                deal_id,timestamp,stage,status
                d1,2026-01-05T09:00:00Z,contact,open
                d1,2026-01-06T09:00:00Z,,won
                d2,2026-01-05T09:00:00Z,contact,open
                d2,2026-01-07T09:00:00Z,,Closed Lost
                d3,2026-01-05T09:00:00Z,contact,
                d3,2026-01-08T09:00:00Z,,
                """, ImportMapping.defaults());

        assertThat(refused.total()).isEqualTo(3);
        assertThat(refused.problems()).extracting(ImportProblem::code).containsOnly("missing-value");
        assertThat(refused.hints()).containsExactly("3 rows have no stage (stage or activity) and no outcome column"
                + " is mapped; on 2 of them column 'status' holds a won or lost value: if that column says how the"
                + " deal closed, set outcomeColumn=status (CLI: --outcome-column status)");
    }

    @Test
    void suggestsAnOutcomeColumnEvenWhenNoColumnHoldsAnOutcome() {
        ImportRejectedException refused = refused("deal_id,timestamp,stage\nd1,2026-01-05T09:00:00Z,\n",
                ImportMapping.defaults());

        assertThat(refused.hints()).singleElement().asString().startsWith("1 row has no stage")
                .contains("name it with outcomeColumn");
    }

    @Test
    void givesNoHintWhenTheOutcomeColumnIsMapped() {
        ImportRejectedException refused = refused("deal_id,timestamp,stage,status\nd1,2026-01-05T09:00:00Z,,\n",
                ImportMapping.defaults().withColumns(Columns.of("deal_id", "timestamp", "stage").withOutcome("status")));

        assertThat(refused.hints()).isEmpty();
    }

    @Test
    void listsTheDistinctUnknownActivitiesOnceMostRowsFirst() {
        ImportRejectedException refused = refused("""
                deal_id,timestamp,stage
                d1,2026-01-05T09:00:00Z,First call
                d1,2026-01-06T09:00:00Z,Proposal sent
                d2,2026-01-05T09:00:00Z,First call
                d2,2026-01-07T09:00:00Z,qualification
                d3,2026-01-05T09:00:00Z,First call
                d3,2026-01-08T09:00:00Z,Demo
                """, ImportMapping.defaults());

        assertThat(refused.total()).isEqualTo(5);
        assertThat(refused.problems()).extracting(ImportProblem::code).containsOnly("unknown-activity");
        assertThat(refused.hints()).containsExactly("5 rows have an activity that is neither a stage nor mapped: 3"
                + " activities, 'First call' (3), 'Demo' (1), 'Proposal sent' (1); map each to a stage"
                + " (map=<activity>:<stage>, CLI: --map), or list it in won, lost or ignore (CLI: --won, --lost,"
                + " --ignore)");
    }

    @Test
    void listsAtMostTwentyUnknownActivitiesAndCountsTheRest() {
        StringBuilder csv = new StringBuilder("deal_id,timestamp,stage\n");
        for (int i = 1; i <= 25; i++) {
            csv.append("d").append(i).append(",2026-01-05T09:00:00Z,activity ").append(100 + i).append('\n');
        }

        ImportRejectedException refused = refused(csv.toString(), ImportMapping.defaults());

        assertThat(refused.hints()).singleElement().asString()
                .startsWith("25 rows have an activity that is neither a stage nor mapped: 25 activities, "
                        + "'activity 101' (1), ")
                .contains("'activity 120' (1) and 5 more;")
                .doesNotContain("'activity 121'");
    }

    @Test
    void namesTheLifecycleFilterWhenActivitiesAreRecordedAsTheyStartAndComplete() {
        String log = """
                deal_id,timestamp,stage,lifecycle:transition
                d1,2026-01-05T09:00:00Z,contact,start
                d1,2026-01-05T10:00:00Z,contact,complete
                d1,2026-01-07T09:00:00Z,qualification,START
                d1,2026-01-07T11:00:00Z,qualification,complete
                d2,2026-01-05T09:00:00Z,contact,schedule
                d2,2026-01-06T09:00:00Z,contact,
                """;

        ImportSummary unfiltered = importer.importLog(PIPELINE, text(log), ImportOptions.csv(),
                ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(unfiltered.hints()).containsExactly("3 rows have a lifecycle transition other than complete"
                + " ('start' (2), 'schedule' (1)) in column 'lifecycle:transition': a log that records"
                + " when an activity starts and when it completes gives each activity twice; lifecycle=complete"
                + " (CLI: --lifecycle complete) reads one row per activity");
    }

    @Test
    void givesNoLifecycleHintWhenTheFilterIsSet() {
        ImportSummary filtered = importer.importLog(PIPELINE, text("""
                deal_id,timestamp,stage,lifecycle:transition
                d1,2026-01-05T09:00:00Z,contact,start
                d1,2026-01-05T10:00:00Z,contact,complete
                """), ImportOptions.csv(), ImportMapping.defaults().withLifecycle(
                new ImportMapping.Lifecycle("lifecycle:transition", java.util.Set.of("complete"))),
                ImportProgress.NONE);

        assertThat(filtered.transitionsAppended()).isEqualTo(1);
        assertThat(filtered.hints()).isEmpty();
    }

    @Test
    void refusesAmountsWithoutCurrencyWithAHintNamingDefaultCurrency() {
        ImportRejectedException refused = refused("""
                deal_id,timestamp,stage,amount
                d1,2026-01-05T09:00:00Z,contact,1200
                d2,2026-01-05T09:00:00Z,contact,900.50
                """, amounts());

        assertThat(refused.problems()).extracting(ImportProblem::code).containsExactly("invalid-attribute",
                "invalid-attribute");
        assertThat(refused.hints()).containsExactly("2 rows have an amount and no currency; map a currency column "
                + "(currencyColumn) or set defaultCurrency=EUR, say (CLI: --default-currency EUR), for amounts "
                + "without one");
    }

    @Test
    void givesAmountsWithoutCurrencyTheDefaultCurrency() {
        ImportSummary summary = importer.importLog(PIPELINE, text("""
                deal_id,timestamp,stage,amount
                d1,2026-01-05T09:00:00Z,contact,1200
                """), ImportOptions.csv(), amounts().withDefaultCurrency("CHF"), ImportProgress.NONE);

        assertThat(summary.transitionsAppended()).isEqualTo(1);
        assertThat(summary.hints()).isEmpty();
        OpenDealCommand open = (OpenDealCommand) recording.deal("d1").changes().get(0);
        assertThat(open.attributes().amount()).isEqualByComparingTo(new BigDecimal("1200"));
        assertThat(open.attributes().currency()).isEqualTo("CHF");
    }

    private static ImportMapping amounts() {
        return ImportMapping.defaults().withColumns(Columns.of("deal_id", "timestamp", "stage")
                .withAttributes(null, null, null, "amount", null));
    }
}
