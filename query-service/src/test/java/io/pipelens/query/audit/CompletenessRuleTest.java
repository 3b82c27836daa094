package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessRuleTest {

    @Test
    void nullAndBlankAreMissing() {
        assertThat(CompletenessRule.missing(null)).isTrue();
        assertThat(CompletenessRule.missing(" \t")).isTrue();
        assertThat(CompletenessRule.missing("Клиент согласен")).isFalse();
    }

    @Test
    void aStageWithoutGoalOrExitCriterionGetsAFindingForEach() {
        StageAudit stage = PipelineAudit.audit(List.of(stage("terms", "Terms agreed", "", null))).stages().get(0);

        assertThat(stage.missingGoal()).isTrue();
        assertThat(stage.missingExitCriterion()).isTrue();
        assertThat(CompletenessRule.findings(stage)).satisfiesExactly(
                goal -> {
                    assertThat(goal.rule()).isEqualTo(AuditRule.MISSING_GOAL);
                    assertThat(goal.stage()).isEqualTo("terms");
                    assertThat(goal.message()).isEqualTo("Stage 'Terms agreed' has no goal.");
                    assertThat(goal.why()).contains("what must change in the client's head");
                    assertThat(goal.advice()).isEqualTo("Write the client state the stage aims at, for example "
                            + "'Every participant accepts our terms' (the goal of the template's 'Terms agreed' "
                            + "stage).");
                },
                exit -> {
                    assertThat(exit.rule()).isEqualTo(AuditRule.MISSING_EXIT_CRITERION);
                    assertThat(exit.message()).isEqualTo("Stage 'Terms agreed' has no exit criterion.");
                    assertThat(exit.why()).contains("each seller decides when a deal moves on");
                    assertThat(exit.advice()).contains("'Technical, organisational and financial terms agreed with "
                            + "every participant'");
                });
    }

    @Test
    void aStageThatReadsLikeNoTemplateStageGetsAGeneralExample() {
        StageAudit stage = PipelineAudit.audit(List.of(stage("x", "Этап 1", null, "Клиент готов"))).stages().get(0);

        assertThat(stage.templateStage()).isNull();
        assertThat(CompletenessRule.findings(stage)).singleElement().satisfies(goal -> {
            assertThat(goal.rule()).isEqualTo(AuditRule.MISSING_GOAL);
            assertThat(goal.advice()).startsWith("Write the client state the stage aims at, as a sentence about "
                    + "the client");
        });
    }

    @Test
    void aCompleteStageGetsNone() {
        StageAudit stage = PipelineAudit.audit(List.of(stage("x", "Этап", "Клиент видит пользу", "Клиент готов")))
                .stages().get(0);

        assertThat(CompletenessRule.findings(stage)).isEmpty();
    }
}
