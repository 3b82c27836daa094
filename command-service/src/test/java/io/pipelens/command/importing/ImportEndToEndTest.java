package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The importer against the real command service on an in-memory H2 event store. */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:import-test;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportEndToEndTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    private DealImporter importer;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MockMvc mvc;
    @Autowired
    private PipelineCatalog pipelines;

    @BeforeAll
    void definePipelines() {
        for (String pipeline : List.of("web", "store")) {
            gateway.sendAndWait(new DefinePipelineCommand(pipeline, pipeline, SolutionSalesTemplate.STAGES,
                    AS_OF.minusSeconds(86_400L * 800)));
        }
    }

    /** Deal events in the store; every import that changes anything adds one more event, on its own stream. */
    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'deal:%'",
                Long.class);
    }

    private long imports() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like "
                + "'import:%'", Long.class);
    }

    @Test
    void recordsAnImportAsAnEventWithItsSkippedRowsByCode() {
        ImportSummary summary = importer.importLog("web", input("""
                deal_id,timestamp,stage
                r-1,2026-01-05T09:00:00Z,contact
                r-1,2026-01-06T09:00:00Z,Call
                r-2,yesterday,contact
                r-2,2026-01-07T09:00:00Z,contact
                r-2,2026-01-08T09:00:00Z,contact
                """), ImportOptions.csv().skippingBadRows().withSource("crm.csv"), ImportMapping.defaults(),
                ImportProgress.NONE);

        List<Object> recorded = eventStore.readEvents(AggregateIds.dealLogImport(summary.importId())).asStream()
                .map(message -> (Object) message.getPayload()).toList();

        assertThat(recorded).singleElement().isInstanceOfSatisfying(DealLogImportedEvent.class, event -> {
            assertThat(event.importId()).isEqualTo(summary.importId());
            assertThat(event.pipelineId()).isEqualTo("web");
            assertThat(event.source()).isEqualTo("crm.csv");
            assertThat(event.rowsRead()).isEqualTo(5);
            assertThat(event.rowsSkipped()).isEqualTo(3);
            assertThat(event.skippedRowsByReason()).containsOnly(entry("unknown-activity", 1L),
                    entry("unparsable-timestamp", 1L));
            assertThat(event.deals()).isEqualTo(2);
            assertThat(event.transitionsAppended()).isEqualTo(2);
            assertThat(event.duplicates()).isZero();
            assertThat(event.rejectedDeals()).isZero();
            assertThat(event.importedAt()).isNotNull();
        });
        assertThat(summary.skippedByCode()).containsOnly(entry("unknown-activity", 1L),
                entry("unparsable-timestamp", 1L), entry("already-at-stage", 1L));
    }

    @Test
    void importsOverHttpAndALongerFileAppendsOnlyTheNewRows() throws Exception {
        String firstPart = """
                deal_id,timestamp,stage
                w-1,2026-01-05T09:00:00Z,contact
                w-1,2026-01-09T15:00:00Z,qualification
                """;
        long before = events();

        mvc.perform(post("/api/import").param("pipelineId", "web").contentType("text/csv").content(firstPart))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.deals").value(1))
                .andExpect(jsonPath("$.transitionsAppended").value(2))
                .andExpect(jsonPath("$.duplicates").value(0));
        mvc.perform(post("/api/import").param("pipelineId", "web").contentType("text/csv")
                        .content(firstPart + "w-1,2026-01-20T10:00:00Z,closed_won\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(1))
                .andExpect(jsonPath("$.duplicates").value(2));

        assertThat(events() - before).isEqualTo(3);
    }

    @Test
    void importsALaterExportThatStartsInTheMiddleOfADealsHistory() {
        String first = """
                deal_id,timestamp,stage
                o-1,2026-01-05T09:00:00Z,contact
                o-1,2026-01-09T09:00:00Z,qualification
                """;
        String later = """
                deal_id,timestamp,stage
                o-1,2026-01-09T09:00:00Z,qualification
                o-1,2026-01-12T09:00:00Z,requirements
                o-2,2026-01-10T09:00:00Z,contact
                """;
        String newerStill = """
                deal_id,timestamp,stage
                o-1,2026-01-20T09:00:00Z,terms
                o-1,2026-01-25T09:00:00Z,won
                """;
        long before = events();

        importer.importLog("web", input(first), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);
        ImportSummary overlapping = importer.importLog("web", input(later), ImportOptions.csv(),
                ImportMapping.defaults(), ImportProgress.NONE);
        ImportSummary following = importer.importLog("web", input(newerStill), ImportOptions.csv(),
                ImportMapping.defaults(), ImportProgress.NONE);
        ImportSummary again = importer.importLog("web", input(later), ImportOptions.csv(), ImportMapping.defaults(),
                ImportProgress.NONE);

        assertThat(overlapping.transitionsAppended()).isEqualTo(2);
        assertThat(overlapping.duplicates()).isEqualTo(1);
        assertThat(following.transitionsAppended()).isEqualTo(2);
        assertThat(again.transitionsAppended()).isZero();
        assertThat(events() - before).isEqualTo(6);
    }

    @Test
    void importsAProcessMiningLogOverHttpWithTheMappingAsQueryParameters() throws Exception {
        String ndjson = """
                {"case": "pm-1", "activity": "Call", "time": "2026-01-05 09:00"}
                {"case": "pm-1", "activity": "Reminder", "time": "2026-01-06 09:00"}
                {"case": "pm-1", "activity": "Deal lost", "time": "2026-01-07 09:00"}
                """;

        mvc.perform(post("/api/import").param("pipelineId", "web").param("dealColumn", "case")
                        .param("timeColumn", "time").param("stageColumn", "activity").param("map", "Call:contact")
                        .param("lost", "Deal lost").param("ignore", "Reminder")
                        .param("timePattern", "yyyy-MM-dd HH:mm").param("zone", "Europe/Berlin")
                        .contentType("application/x-ndjson").content(ndjson))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(2))
                .andExpect(jsonPath("$.rowsSkipped").value(1))
                .andExpect(jsonPath("$.skipped[0].code").value("ignored-activity"))
                .andExpect(jsonPath("$.skipped[0].reason").value("ignored activity"))
                .andExpect(jsonPath("$.importId").isNotEmpty());
    }

    @Test
    void answersEveryProblemOverHttpAndAppendsNothing() throws Exception {
        long before = events();
        long importsBefore = imports();

        mvc.perform(post("/api/import").param("pipelineId", "web").contentType("text/csv").content("""
                        deal_id,timestamp,stage
                        w-2,2026-01-05T09:00:00Z,contact
                        w-3,05/01/2026,contact
                        w-3,2026-01-06T09:00:00Z,Call
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("timestamp"))
                .andExpect(jsonPath("$.problems[0].code").value("unparsable-timestamp"))
                .andExpect(jsonPath("$.problems[0].reason", containsString("expected ISO-8601")))
                .andExpect(jsonPath("$.problems[1].row").value(3))
                .andExpect(jsonPath("$.problems[1].column").value("stage"))
                .andExpect(jsonPath("$.problems[1].code").value("unknown-activity"));
        mvc.perform(post("/api/import").param("pipelineId", "nowhere").param("format", "xml")
                        .contentType("text/csv").content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("format"));

        assertThat(events()).isEqualTo(before);
        assertThat(imports()).isEqualTo(importsBefore);
    }

    @Test
    void refusesAFileThatContradictsTheStoreAndAppendsNothingUnlessBadRowsAreSkipped() {
        gateway.sendAndWait(new RecordDealHistoryCommand("s-1", List.of(
                new OpenDealCommand("s-1", "store", "contact", null, Instant.parse("2026-01-05T09:00:00Z")),
                new LoseDealCommand("s-1", "no budget", Instant.parse("2026-01-06T09:00:00Z")))));
        String csv = """
                deal_id,timestamp,stage
                s-1,2026-01-05T09:00:00Z,contact
                s-1,2026-01-08T09:00:00Z,qualification
                s-2,2026-01-05T09:00:00Z,contact
                """;
        long before = events();

        ImportRejectedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                ImportRejectedException.class, () -> importer.importLog("store", input(csv), ImportOptions.csv(),
                        ImportMapping.defaults(), ImportProgress.NONE));
        long afterRefusal = events();
        ImportSummary skipping = importer.importLog("store", input(csv), ImportOptions.csv().skippingBadRows(),
                ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("deal_id");
            assertThat(problem.code()).isEqualTo("refused-by-store");
            assertThat(problem.reason()).contains("is closed (lost); reopen it before you move it");
        });
        assertThat(afterRefusal).isEqualTo(before);
        assertThat(skipping.rejectedDeals()).extracting(ImportSummary.RejectedDeal::dealId).containsExactly("s-1");
        assertThat(skipping.transitionsAppended()).isEqualTo(1);
        assertThat(events() - before).isEqualTo(1);
    }

    @Test
    void appendsNothingInADryRunOverHttp() throws Exception {
        long before = events();

        mvc.perform(post("/api/import").param("pipelineId", "web").param("dryRun", "true").contentType("text/csv")
                        .content("deal_id,timestamp,stage\ndry-1,2026-01-05T09:00:00Z,contact\n"
                                + "dry-1,2026-01-06T09:00:00Z,won\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.transitionsAppended").value(2));

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void importsTheSameLogIntoTwoPipelinesWithDifferentIdPrefixesAndRefusesItWithoutOne() {
        String csv = """
                deal_id,timestamp,stage
                two-1,2026-01-05T09:00:00Z,contact
                two-1,2026-01-08T09:00:00Z,qualification
                two-2,2026-01-05T09:00:00Z,contact
                two-2,2026-01-09T09:00:00Z,won
                """;
        ImportSummary web = importer.importLog("web", input(csv), ImportOptions.csv(),
                ImportMapping.defaults().withDealIdPrefix("web-"), ImportProgress.NONE);
        ImportSummary store = importer.importLog("store", input(csv), ImportOptions.csv(),
                ImportMapping.defaults().withDealIdPrefix("store-"), ImportProgress.NONE);
        long before = events();

        ImportRejectedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                ImportRejectedException.class, () -> importer.importLog("store", input(csv), ImportOptions.csv(),
                        ImportMapping.defaults().withDealIdPrefix("web-"), ImportProgress.NONE));
        ImportSummary skipping = importer.importLog("store", input(csv), ImportOptions.csv().skippingBadRows(),
                ImportMapping.defaults().withDealIdPrefix("web-"), ImportProgress.NONE);

        assertThat(web.transitionsAppended()).isEqualTo(4);
        assertThat(store.transitionsAppended()).isEqualTo(4);
        assertThat(store.rejectedDeals()).isEmpty();
        assertThat(eventStore.readEvents(AggregateIds.deal("store-two-1")).asStream().count()).isEqualTo(2);
        assertThat(refused.problems()).hasSize(2).first().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo("deal_id");
            assertThat(problem.code()).isEqualTo("refused-by-store");
            assertThat(problem.reason()).isEqualTo("deal 'web-two-1' as the event store holds it: deal 'web-two-1' "
                    + "already exists in pipeline 'web', and deal ids are global across pipelines; to import this log "
                    + "into pipeline 'store' as well, give its deals an id prefix (dealIdPrefix=store-, CLI: "
                    + "--deal-id-prefix store-)");
        });
        assertThat(refused.hints()).containsExactly("2 deals of this file already exist in another pipeline; give "
                + "the deals of this import an id prefix (dealIdPrefix=store-, CLI: --deal-id-prefix store-)");
        assertThat(skipping.rejectedDeals()).extracting(ImportSummary.RejectedDeal::dealId)
                .containsExactlyInAnyOrder("web-two-1", "web-two-2");
        assertThat(skipping.transitionsAppended()).isZero();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void recordsAnOwnerReassignedLaterAsAnAttributeChangeAndAppendsNothingOnReimport() {
        String csv = """
                deal_id,timestamp,stage,owner
                own-1,2026-01-05T09:00:00Z,contact,ann
                own-1,2026-01-08T09:00:00Z,qualification,
                own-1,2026-01-09T09:00:00Z,qualification,bob
                """;
        ImportMapping mapping = ImportMapping.defaults().withColumns(ImportMapping.Columns.of("deal_id", "timestamp",
                "stage").withAttributes("owner", null, null, null, null));

        ImportSummary first = importer.importLog("web", input(csv), ImportOptions.csv(), mapping, ImportProgress.NONE);
        ImportSummary again = importer.importLog("web", input(csv), ImportOptions.csv(), mapping, ImportProgress.NONE);

        assertThat(first.transitionsAppended()).isEqualTo(3);
        assertThat(first.rowsSkipped()).isZero();
        assertThat(eventStore.readEvents(AggregateIds.deal("own-1")).asStream().map(e -> e.getPayload())
                .filter(io.pipelens.kernel.deal.DealAttributesChangedEvent.class::isInstance).toList())
                .singleElement().isEqualTo(new io.pipelens.kernel.deal.DealAttributesChangedEvent("own-1", "web",
                        new io.pipelens.kernel.deal.DealAttributes("bob", null, null, null, null),
                        Instant.parse("2026-01-09T09:00:00Z")));
        assertThat(again.transitionsAppended()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
    }

    @Test
    void takesConfirmedCriteriaFromAColumnOverHttp() throws Exception {
        String csv = """
                deal_id,timestamp,stage,criteria
                crit-1,2026-01-05T09:00:00Z,qualification,
                crit-1,2026-01-08T09:00:00Z,terms,budget; deadline
                crit-1,2026-01-09T09:00:00Z,signing,-
                crit-1,2026-01-10T09:00:00Z,won,documents-signed
                """;

        mvc.perform(post("/api/import").param("pipelineId", "web").param("confirmedCriteriaColumn", "criteria")
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(4));

        assertThat(eventStore.readEvents(AggregateIds.deal("crit-1")).asStream().map(e -> (Object) e.getPayload())
                .toList())
                .containsExactly(
                        new io.pipelens.kernel.deal.DealOpenedEvent("crit-1", "web", "qualification",
                                io.pipelens.kernel.deal.DealAttributes.NONE, Instant.parse("2026-01-05T09:00:00Z")),
                        new io.pipelens.kernel.deal.DealMovedToStageEvent("crit-1", "web", "qualification", "terms",
                                Instant.parse("2026-01-08T09:00:00Z"), List.of("budget", "deadline")),
                        new io.pipelens.kernel.deal.DealMovedToStageEvent("crit-1", "web", "terms", "signing",
                                Instant.parse("2026-01-09T09:00:00Z"), List.of()),
                        new io.pipelens.kernel.deal.DealWonEvent("crit-1", "web", "signing",
                                Instant.parse("2026-01-10T09:00:00Z"), List.of("documents-signed")));
    }

    @Test
    void refusesAnUnknownCriterionNamingItsRowAndColumnAndAppendsNothing() {
        String csv = """
                deal_id,timestamp,stage,criteria
                crit-2,2026-01-05T09:00:00Z,qualification,
                crit-2,2026-01-08T09:00:00Z,terms,budget;signed
                """;
        long before = events();

        ImportRejectedException refused = refused(csv, ImportMapping.Columns.of("deal_id", "timestamp", "stage")
                .withConfirmedCriteria("criteria"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("criteria");
            assertThat(problem.reason()).contains("'signed' is not an exit criterion of stage 'qualification'");
        });
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void takesExpectedCloseDatesFromAColumnOverHttpAndRecordsASlipAsAnAttributeChange() throws Exception {
        String csv = """
                deal_id,timestamp,stage,close_by
                close-1,2026-01-05T09:00:00Z,qualification,2026-02-27
                close-1,2026-01-08T09:00:00Z,terms,
                close-1,2026-01-09T09:00:00Z,terms,2026-03-31
                """;

        mvc.perform(post("/api/import").param("pipelineId", "web").param("expectedCloseDateColumn", "close_by")
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(3));

        assertThat(eventStore.readEvents(AggregateIds.deal("close-1")).asStream().map(e -> (Object) e.getPayload())
                .toList())
                .containsExactly(
                        new io.pipelens.kernel.deal.DealOpenedEvent("close-1", "web", "qualification",
                                closingOn("2026-02-27"), Instant.parse("2026-01-05T09:00:00Z")),
                        new io.pipelens.kernel.deal.DealMovedToStageEvent("close-1", "web", "qualification", "terms",
                                Instant.parse("2026-01-08T09:00:00Z")),
                        new io.pipelens.kernel.deal.DealAttributesChangedEvent("close-1", "web",
                                closingOn("2026-03-31"), Instant.parse("2026-01-09T09:00:00Z")));
    }

    @Test
    void refusesAnExpectedCloseDateThatIsNotADateNamingItsRowAndColumnAndAppendsNothing() {
        String csv = """
                deal_id,timestamp,stage,close_by
                close-2,2026-01-05T09:00:00Z,qualification,2026-02-27
                close-2,2026-01-08T09:00:00Z,terms,31.03.2026
                """;
        long before = events();

        ImportRejectedException refused = refused(csv, ImportMapping.Columns.of("deal_id", "timestamp", "stage")
                .withExpectedCloseDate("close_by"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("close_by");
            assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_CLOSE_DATE.code());
            assertThat(problem.reason()).isEqualTo("'31.03.2026' is not a calendar date; write it like 2026-03-31 "
                    + "(yyyy-MM-dd)");
        });
        assertThat(events()).isEqualTo(before);
    }

    /** The refusal of importing {@code csv} into pipeline 'web' with these columns. */
    private ImportRejectedException refused(String csv, ImportMapping.Columns columns) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog("web", input(csv), ImportOptions.csv(),
                        ImportMapping.defaults().withColumns(columns), ImportProgress.NONE));
    }

    private static io.pipelens.kernel.deal.DealAttributes closingOn(String date) {
        return new io.pipelens.kernel.deal.DealAttributes(null, null, null, null, null,
                java.time.LocalDate.parse(date));
    }

    @Test
    void takesTheNewOptionsAsQueryParametersAndAnswersHints() throws Exception {
        String csv = "deal_id,timestamp,stage,amount\nopt-1,2026-01-05T09:00:00Z,contact,900\n";

        mvc.perform(post("/api/import").param("pipelineId", "web").param("amountColumn", "amount")
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].code").value("invalid-attribute"))
                .andExpect(jsonPath("$.hints[0]", containsString("defaultCurrency=EUR")));
        mvc.perform(post("/api/import").param("pipelineId", "web").param("amountColumn", "amount")
                        .param("defaultCurrency", "EURO").contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("defaultCurrency"));
        mvc.perform(post("/api/import").param("pipelineId", "web").param("amountColumn", "amount")
                        .param("defaultCurrency", "eur").param("dealIdPrefix", "http-").contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(1))
                .andExpect(jsonPath("$.hints").isEmpty());
        mvc.perform(post("/api/import").param("pipelineId", "web").param("lifecycle", "complete")
                        .contentType("application/xml").content("""
                                <log><trace><string key="concept:name" value="http-xes-1"/>
                                <event><string key="concept:name" value="contact"/>
                                <string key="lifecycle:transition" value="start"/>
                                <date key="time:timestamp" value="2026-01-05T09:00:00Z"/></event>
                                <event><string key="concept:name" value="contact"/>
                                <string key="lifecycle:transition" value="complete"/>
                                <date key="time:timestamp" value="2026-01-05T10:00:00Z"/></event>
                                </trace></log>"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitionsAppended").value(1))
                .andExpect(jsonPath("$.skippedByCode.other-lifecycle").value(1));

        assertThat(eventStore.readEvents(AggregateIds.deal("http-opt-1")).asStream().findFirst().orElseThrow()
                .getPayload()).isInstanceOfSatisfying(io.pipelens.kernel.deal.DealOpenedEvent.class,
                opened -> assertThat(opened.attributes().currency()).isEqualTo("EUR"));
        assertThat(eventStore.readEvents(AggregateIds.deal("http-xes-1")).asStream().findFirst().orElseThrow()
                .getPayload()).isInstanceOfSatisfying(io.pipelens.kernel.deal.DealOpenedEvent.class,
                opened -> assertThat(opened.occurredAt()).as("opened by the completion, not the start")
                        .isEqualTo(Instant.parse("2026-01-05T10:00:00Z")));
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void definesAPipelineFromTheActivitiesOfALogOverHttpOnceOnly() throws Exception {
        String log = """
                deal_id,timestamp,stage
                act-1,2026-01-05T09:00:00Z,Звонок
                act-1,2026-01-06T09:00:00Z,КП отправлено
                act-1,2026-01-07T09:00:00Z,won
                act-2,2026-01-05T09:00:00Z,Звонок
                act-2,2026-01-08T09:00:00Z,lost
                """;
        mvc.perform(post("/api/import").param("pipelineId", "from-activities").param("stagesFromActivities", "true")
                        .contentType("text/csv").content(log))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deals").value(2))
                .andExpect(jsonPath("$.transitionsAppended").value(5));

        assertThat(pipelines.current("from-activities")).hasValueSatisfying(current -> assertThat(current.definition()
                .stages()).extracting(stage -> stage.key() + "=" + stage.name())
                .containsExactly("zvonok=Звонок", "kp-otpravleno=КП отправлено"));
        mvc.perform(post("/api/import").param("pipelineId", "from-activities").param("stagesFromActivities", "true")
                        .contentType("text/csv").content(log))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("stagesFromActivities"));
    }
}
