package io.pipelens.command.importing;

import static io.pipelens.command.importing.ImportFixtures.PIPELINE;
import static io.pipelens.command.importing.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pipelens.command.importing.ImportFixtures.RecordingGateway;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An import that defines its pipeline from the log's activities (DESIGN §9.3, stagesFromActivities). */
class StagesFromActivitiesTest {

    /**
     * Distinct steps per deal, and their relative positions (rank − 1) ÷ (L − 1):
     * d1 call 0, Встреча 0.5, КП отправлено 1; d2 call 0, КП отправлено 1; d3 Встреча 0, КП отправлено 0.5,
     * Negotiation 1 (d3's second "встреча" is a revisit, spelt otherwise). Means: call 0, Встреча 0.25,
     * КП отправлено 0.8333, Negotiation 1.
     */
    private static final String LOG = """
            deal_id,timestamp,stage
            d1,2026-01-05T09:00:00Z,call
            d1,2026-01-06T09:00:00Z,Встреча
            d1,2026-01-07T09:00:00Z,КП отправлено
            d1,2026-01-08T09:00:00Z,won
            d2,2026-01-05T09:00:00Z,Call
            d2,2026-01-06T09:00:00Z,КП отправлено
            d2,2026-01-07T09:00:00Z,lost
            d3,2026-01-05T09:00:00Z,Встреча
            d3,2026-01-06T09:00:00Z,КП отправлено
            d3,2026-01-07T09:00:00Z,встреча
            d3,2026-01-08T09:00:00Z,Negotiation
            """;

    private final RecordingGateway recording = new RecordingGateway();
    private final DealImporter importer = recording.importer();

    @Test
    void definesOneStagePerActivityInTheOrderTheDealsSuggestAndRecordsTheDeals() {
        ImportSummary summary = importer.importLog("raw", text(LOG), ImportOptions.csv().definingStagesFromActivities(),
                ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.definitions).singleElement().satisfies(defined -> {
            assertThat(defined.pipelineId()).isEqualTo("raw");
            assertThat(defined.stages()).extracting(StageDefinition::key)
                    .containsExactly("call", "vstrecha", "kp-otpravleno", "negotiation");
            assertThat(defined.stages()).extracting(StageDefinition::name)
                    .containsExactly("call", "Встреча", "КП отправлено", "Negotiation");
        });
        assertThat(summary.deals()).isEqualTo(3);
        assertThat(recording.deal("d1").changes().get(0)).isInstanceOfSatisfying(OpenDealCommand.class,
                open -> assertThat(open.stage()).isEqualTo("call"));
        assertThat(recording.deal("d3").changes()).filteredOn(MoveDealToStageCommand.class::isInstance)
                .extracting(change -> ((MoveDealToStageCommand) change).stage())
                .containsExactly("kp-otpravleno", "vstrecha", "negotiation");
        assertThat(summary.hints()).anySatisfy(hint -> assertThat(hint).startsWith("defines pipeline 'raw' with 4"
                + " stages from the log's activities: call (call) → vstrecha (Встреча)"));
    }

    @Test
    void aDryRunDefinesNothing() {
        ImportSummary summary = importer.importLog("raw", text(LOG), ImportOptions.csv().definingStagesFromActivities()
                .dryRunOnly(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.definitions).isEmpty();
        assertThat(recording.sent).isEmpty();
        assertThat(summary.hints()).anySatisfy(hint -> assertThat(hint).startsWith("would define pipeline 'raw'"));
    }

    @Test
    void refusesAPipelineThatExistsNamingTheOption() {
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class, () -> importer
                .importLog(PIPELINE, text(LOG), ImportOptions.csv().definingStagesFromActivities(),
                        ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("stagesFromActivities");
            assertThat(problem.reason()).contains("'main' is defined already");
        });
        assertThat(recording.definitions).isEmpty();
        assertThat(recording.sent).isEmpty();
    }

    @Test
    void refusesMoreActivitiesThanAPipelineHoldsNamingTheOption() {
        StringBuilder csv = new StringBuilder("deal_id,timestamp,stage\n");
        for (int i = 1; i <= 51; i++) {
            csv.append("d").append(i).append(",2026-01-05T09:00:00Z,activity ").append(i).append('\n');
        }
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class, () -> importer
                .importLog("raw", text(csv.toString()), ImportOptions.csv().definingStagesFromActivities(),
                        ImportMapping.defaults(), ImportProgress.NONE));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("stagesFromActivities");
            assertThat(problem.reason()).contains("51 distinct activities").contains("at most 50");
        });
        assertThat(recording.definitions).isEmpty();
    }

    @Test
    void fiftyActivitiesMakeAPipeline() {
        StringBuilder csv = new StringBuilder("deal_id,timestamp,stage\n");
        for (int i = 1; i <= 50; i++) {
            csv.append("d").append(i).append(",2026-01-05T09:00:00Z,activity ").append(i).append('\n');
        }
        importer.importLog("raw", text(csv.toString()), ImportOptions.csv().definingStagesFromActivities(),
                ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.definitions).singleElement().extracting(DefinePipelineCommand::stages).asList()
                .hasSize(50);
    }

    @Test
    void aStageNameStandsForItsStageSoThatALogImportsAgainAsItIs() {
        importer.importLog(PIPELINE, text("deal_id,timestamp,stage\nn1,2026-01-05T09:00:00Z,contact found\n"),
                ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(recording.deal("n1").changes().get(0)).isInstanceOfSatisfying(OpenDealCommand.class,
                open -> assertThat(open.stage()).isEqualTo("contact"));
    }

    @Test
    void keysAreValidStableAndUnique() {
        assertThat(ActivityStages.keyOf("КП отправлено")).isEqualTo("kp-otpravleno");
        assertThat(ActivityStages.keyOf("Звонок клиенту")).isEqualTo("zvonok-klientu");
        assertThat(ActivityStages.keyOf("Подъём / Объект: щука, ёж")).isEqualTo("podyom-obekt-shhuka-yozh");
        assertThat(ActivityStages.keyOf("Démo réussie!")).isEqualTo("demo-reussie");
        assertThat(ActivityStages.keyOf("  First call  ")).isEqualTo("first-call");
        assertThat(ActivityStages.keyOf("会议")).isEqualTo("u4f1au8bae");
        assertThat(ActivityStages.keyOf("!!!")).isEqualTo("activity");
        String longName = "очень ".repeat(20);
        assertThat(ActivityStages.keyOf(longName)).hasSizeLessThanOrEqualTo(64).doesNotEndWith("-");
        for (String name : List.of("КП отправлено", "Démo réussie!", "会议", "!!!", longName, "ъ")) {
            assertThat(Keys.problemWith(ActivityStages.keyOf(name))).as(name).isNull();
        }

        ActivityStages activities = new ActivityStages();
        for (String name : List.of("Call", "call!", "CALL", "call?")) {
            activities.add(name);
        }
        assertThat(activities.provisionalKeys()).containsExactly(Map.entry("call", "call"),
                Map.entry("call!", "call-2"), Map.entry("call?", "call-3"));
    }
}
