package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.complete;
import static io.pipelens.query.audit.AuditFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineAuditTest {

    @Test
    void theTemplatePassesEveryCheckWithEachStageReadingLikeItself() {
        AuditReport report = PipelineAudit.audit(SolutionSalesTemplate.STAGES);

        assertThat(report.findings()).isEmpty();
        assertThat(report.stages()).hasSize(9).allSatisfy(stage -> {
            assertThat(stage.activity()).isNull();
            assertThat(stage.templateStage().key()).isEqualTo(stage.key());
            assertThat(stage.templateStage().position()).isEqualTo(stage.position());
            assertThat(stage.templateStage().evidence()).singleElement()
                    .satisfies(evidence -> assertThat(evidence.field()).isEqualTo(StageField.KEY));
            assertThat(stage.passed()).isTrue();
        });
        assertThat(report.qualification().stage()).isEqualTo("qualification");
        assertThat(report.summary()).isEqualTo(new AuditSummary(100, 9, 9, 0, 0, 0, 0, 9, 9, true, 0));
        assertThat(report.verdict()).isEqualTo("Goal-based (score 100/100): every stage is a client state with a "
                + "goal and an exit criterion, in template order, and 'Qualification' qualifies deals.");
    }

    @Test
    void aTypicalActivityPipelineIsCalledSo() {
        AuditReport report = PipelineAudit.audit(List.of(
                stage("lead", "New lead", null, null),
                stage("call", "Discovery call", null, null),
                stage("demo", "Demo", null, null),
                stage("proposal_sent", "Proposal sent", null, null),
                stage("negotiation", "Negotiation", null, null),
                stage("closed_won", "Closed won", null, null)));

        assertThat(report.stages()).extracting(s -> s.activity() == null ? null : s.activity().activity())
                .containsExactly(null, "call", "demo", "proposal", "negotiation", null);
        assertThat(report.stages()).extracting(s -> s.templateStage() == null ? null : s.templateStage().key())
                .containsExactly("contact", "requirements", null, "terms", "terms", null);
        assertThat(report.qualification().present()).isFalse();
        assertThat(report.summary()).isEqualTo(new AuditSummary(0, 6, 0, 4, 6, 6, 0, 4, 3, false, 17));
        assertThat(report.findings().get(0).rule()).isEqualTo(AuditRule.NO_QUALIFICATION_STAGE);
        assertThat(report.findings().subList(1, report.findings().size())).extracting(Finding::position)
                .isSorted();
        assertThat(report.verdict()).isEqualTo("Activity-based (score 0/100): 4 of 6 stages are seller activities "
                + "('Discovery call', 'Demo', 'Proposal sent' and 'Negotiation'); no qualification stage; 6 stages "
                + "without a goal; 6 stages without an exit criterion.");
    }

    @Test
    void aRussianPipelineWithOneActivityStageNeedsWork() {
        List<StageDefinition> stages = List.of(
                stage("new", "Новый лид", "Есть контакт клиента", "Клиент ответил"),
                stage("kval", "Квалификация", "ЛПР хочет решить проблему с нами", "Бюджет и сроки согласованы"),
                stage("kp", "КП отправлено", "Клиент получил КП", "КП у клиента"),
                stage("dogovor", "Договор", "Договор подписан", "Оплата получена"),
                stage("vnedr", "Внедрение", "Клиент получил ценность", null));

        AuditReport report = PipelineAudit.audit(stages);

        assertThat(report.findings()).extracting(Finding::rule, Finding::stage).containsExactly(
                tuple(AuditRule.ACTIVITY_STAGE, "kp"), tuple(AuditRule.MISSING_EXIT_CRITERION, "vnedr"));
        assertThat(report.qualification().stage()).isEqualTo("kval");
        assertThat(report.stages()).extracting(s -> s.templateStage().key())
                .containsExactly("contact", "qualification", "terms", "signing", "implementation");
        assertThat(report.summary().score()).isEqualTo(67);
        assertThat(report.verdict()).isEqualTo("Needs work (score 67/100): 1 of 5 stages is a seller activity "
                + "('КП отправлено'); 1 stage without an exit criterion.");
    }

    @Test
    void outOfOrderStagesAreCountedAndFailTheirCheck() {
        AuditReport report = PipelineAudit.audit(List.of(
                complete("qualified", "Qualified"),
                complete("contract", "Contract"),
                complete("discovery", "Discovery")));

        assertThat(report.stages()).extracting(StageAudit::passed).containsExactly(true, true, false);
        assertThat(report.summary().outOfOrderStages()).isEqualTo(1);
        assertThat(report.summary().score()).isEqualTo(75);
        assertThat(report.verdict()).isEqualTo("Needs work (score 75/100): 1 stage out of template order.");
    }
}
