package io.pipelens.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.pipeline.PipelineEvents;
import io.pipelens.query.pipeline.PipelineVersionView;
import io.pipelens.query.pipeline.PipelineView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The pipeline audit over HTTP, on pipelines seeded straight into MongoDB. */
@QueryServiceTest
class PipelineAuditApiTest {

    private static final String PIPELINE = "audit-sales";

    /** Version 1: the pipeline a CRM ships with, before the team rebuilt it from the template in version 2. */
    private static final List<StageDefinition> CRM_STAGES = List.of(
            new StageDefinition("lead", "New lead", "We have a contact", "Contact details checked", null),
            new StageDefinition("call", "Discovery call", "Needs understood", null, null),
            new StageDefinition("proposal_sent", "Proposal sent", "Proposal delivered", "Proposal in the inbox", 7),
            new StageDefinition("contract", "Contract", "Contract signed", "Signed contract received", null));

    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void seedPipeline() {
        mongo.save(new PipelineView(PIPELINE, "Sales", List.of(
                new PipelineVersionView(1, CRM_STAGES, List.of(), PipelineEvents.DEFINED_AT),
                new PipelineVersionView(2, SolutionSalesTemplate.STAGES, List.of(), PipelineEvents.REDEFINED_AT))));
    }

    private GraphQlTester.Request<?> audit(String pipelineId, Integer version) {
        return graphQl.documentName("pipelineAudit").fragmentName("auditFields")
                .variable("pipelineId", pipelineId)
                .variable("version", version);
    }

    @Test
    void theCurrentVersionIsAuditedByDefault() {
        audit(PIPELINE, null).execute()
                .path("pipelineAudit.pipelineId").entity(String.class).isEqualTo(PIPELINE)
                .path("pipelineAudit.pipelineName").entity(String.class).isEqualTo("Sales")
                .path("pipelineAudit.version").entity(Integer.class).isEqualTo(2)
                .path("pipelineAudit.verdict").entity(String.class).satisfies(verdict -> assertThat(verdict)
                        .startsWith("Goal-based (score 100/100)"))
                .path("pipelineAudit.summary.score").entity(Integer.class).isEqualTo(100)
                .path("pipelineAudit.summary.templateStagesCovered").entity(Integer.class).isEqualTo(9)
                .path("pipelineAudit.findings").entityList(Object.class).hasSize(0)
                .path("pipelineAudit.stages[*].templateStage.key").entityList(String.class)
                .isEqualTo(SolutionSalesTemplate.STAGES.stream().map(StageDefinition::key).toList())
                .path("pipelineAudit.stages[*].activity").entityList(Object.class).satisfies(activities ->
                        assertThat(activities).containsOnlyNulls())
                .path("pipelineAudit.qualification.present").entity(Boolean.class).isEqualTo(true)
                .path("pipelineAudit.qualification.stage").entity(String.class).isEqualTo("qualification")
                .path("pipelineAudit.qualification.evidence[0]").entity(Map.class)
                .isEqualTo(Map.of("field", "KEY", "text", "qualification", "term", "qualification*"));
    }

    @Test
    void anEarlierVersionShowsItsActivityStagesAndWhatIsMissing() {
        audit(PIPELINE, 1).execute()
                .path("pipelineAudit.version").entity(Integer.class).isEqualTo(1)
                .path("pipelineAudit.verdict").entity(String.class).isEqualTo("Needs work (score 40/100): "
                        + "2 of 4 stages are seller activities ('Discovery call' and 'Proposal sent'); "
                        + "no qualification stage; 1 stage without an exit criterion.")
                .path("pipelineAudit.summary.activityStages").entity(Integer.class).isEqualTo(2)
                .path("pipelineAudit.summary.passedStages").entity(Integer.class).isEqualTo(2)
                .path("pipelineAudit.summary.hasQualificationStage").entity(Boolean.class).isEqualTo(false)
                .path("pipelineAudit.stages[1].activity.activity").entity(String.class).isEqualTo("call")
                .path("pipelineAudit.stages[1].activity.evidence").entity(Map.class)
                .isEqualTo(Map.of("field", "KEY", "text", "call", "term", "call*"))
                .path("pipelineAudit.stages[1].templateStage.key").entity(String.class).isEqualTo("requirements")
                .path("pipelineAudit.stages[1].missingExitCriterion").entity(Boolean.class).isEqualTo(true)
                .path("pipelineAudit.stages[1].passed").entity(Boolean.class).isEqualTo(false)
                .path("pipelineAudit.stages[3].templateStage.name").entity(String.class)
                .isEqualTo("Signing & payment")
                .path("pipelineAudit.stages[3].passed").entity(Boolean.class).isEqualTo(true)
                .path("pipelineAudit.findings[*].rule").entityList(String.class).containsExactly(
                        "NO_QUALIFICATION_STAGE", "ACTIVITY_STAGE", "MISSING_EXIT_CRITERION", "ACTIVITY_STAGE")
                .path("pipelineAudit.findings[0].stage").valueIsNull()
                .path("pipelineAudit.findings[0].advice").entity(String.class).satisfies(advice ->
                        assertThat(advice).startsWith("Add a stage 'Qualification' after 'New lead'"))
                .path("pipelineAudit.findings[3].stage").entity(String.class).isEqualTo("proposal_sent")
                .path("pipelineAudit.findings[3].word").entity(String.class).isEqualTo("proposal")
                .path("pipelineAudit.findings[3].why").entity(String.class).satisfies(why ->
                        assertThat(why).startsWith("Sending a proposal changes nothing in the client's head"))
                .path("pipelineAudit.findings[3].advice").entity(String.class).satisfies(advice ->
                        assertThat(advice).startsWith("Absorb it into 'New lead', the nearest stage before it "
                                + "that is not an activity"));
    }

    @Test
    void stagesPassedInlineAreAuditedWithoutAPipeline() {
        graphQl.documentName("auditStages").fragmentName("auditFields")
                .variable("stages", List.of(
                        stageInput("calls", "Звонки", "Клиент знает о нас", "Клиент ответил"),
                        stageInput("kval", "Квалификация", "ЛПР хочет решить проблему с нами",
                                "Бюджет и сроки согласованы")))
                .execute()
                .path("auditStages.pipelineId").valueIsNull()
                .path("auditStages.version").valueIsNull()
                .path("auditStages.qualification.stage").entity(String.class).isEqualTo("kval")
                .path("auditStages.findings").entityList(Object.class).hasSize(1)
                .path("auditStages.findings[0].rule").entity(String.class).isEqualTo("ACTIVITY_STAGE")
                .path("auditStages.findings[0].word").entity(String.class).isEqualTo("calls")
                .path("auditStages.findings[0].message").entity(String.class).isEqualTo(
                        "Stage 'Звонки' is named after a seller activity, call ('calls' in its key).")
                .path("auditStages.stages[0].templateStage").valueIsNull()
                .path("auditStages.summary.score").entity(Integer.class).isEqualTo(67);
    }

    @Test
    void anUnknownPipelineIsRefusedNamingPipelineId() {
        audit("no-such-pipeline", null).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("violations", List.of(Map.of(
                            "field", "pipelineId", "reason", "no pipeline has id 'no-such-pipeline'")));
                }));
    }

    @Test
    void anUnknownVersionIsRefusedNamingVersion() {
        audit(PIPELINE, 3).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("violations", List.of(Map.of(
                            "field", "version",
                            "reason", "pipeline 'audit-sales' has versions 1 to 2; there is no version 3")));
                }));
    }

    @Test
    void inlineStagesThatNoPipelineCouldHaveAreRefusedNamingTheField() {
        graphQl.documentName("auditStages").fragmentName("auditFields")
                .variable("stages", List.of(
                        stageInput("demo", "Demo", null, null),
                        stageInput("demo", "Demo again", null, null)))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).isEqualTo("stages[1].key: duplicate stage key 'demo'");
                }));

        graphQl.documentName("auditStages").fragmentName("auditFields")
                .variable("stages", List.of())
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getMessage()).isEqualTo("stages: must contain at least one stage")));
    }

    private static Map<String, Object> stageInput(String key, String name, String goal, String exitCriterion) {
        Map<String, Object> stage = new HashMap<>();
        stage.put("key", key);
        stage.put("name", name);
        stage.put("goal", goal);
        stage.put("exitCriterion", exitCriterion);
        return stage;
    }
}
