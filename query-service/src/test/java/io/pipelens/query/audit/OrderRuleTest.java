package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.complete;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRuleTest {

    private static TemplateMatch at(int position) {
        return new TemplateMatch("t" + position, "T" + position, position, List.of());
    }

    @Test
    void aStageReadingLikeAnEarlierTemplateStageThanAnEarlierStageConflicts() {
        assertThat(OrderRule.conflicts(List.of(at(5), at(3)))).containsExactly(-1, 0);
    }

    @Test
    void theEarlierStageFurthestAlongIsNamed() {
        assertThat(OrderRule.conflicts(List.of(at(4), at(7), at(5), at(2)))).containsExactly(-1, -1, 1, 1);
    }

    @Test
    void stagesThatReadLikeNoneOrTheSameTemplateStageAreInOrder() {
        assertThat(OrderRule.conflicts(Arrays.asList(at(1), null, at(3), at(3), null, at(9))))
                .containsOnly(-1);
    }

    @Test
    void aFindingNamesBothStagesAndTheTemplateOrder() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("lead", "Lead"),
                complete("contract", "Договор"),
                complete("discovery", "Discovery"))).stages();

        assertThat(stages.get(2).outOfOrderAfter()).isEqualTo("contract");
        assertThat(OrderRule.findings(stages)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AuditRule.OUT_OF_ORDER);
            assertThat(finding.stage()).isEqualTo("discovery");
            assertThat(finding.position()).isEqualTo(3);
            assertThat(finding.message()).isEqualTo("Stage 'Discovery' reads like template stage 'Requirements "
                    + "discovery' (#4) but comes after 'Договор', which reads like 'Signing & payment' (#7).");
            assertThat(finding.why()).contains("a client in 'Signing & payment' has already passed 'Requirements "
                    + "discovery'");
            assertThat(finding.advice()).isEqualTo("Move 'Discovery' before 'Договор', or rename the stages so that "
                    + "their order follows the template: contact, profiling, qualification, requirements, terms, "
                    + "defence, signing, implementation, service.");
        });
    }
}
