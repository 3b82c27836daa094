package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.complete;
import static io.pipelens.query.audit.AuditFixtures.keyed;
import static io.pipelens.query.audit.AuditFixtures.named;
import static io.pipelens.query.audit.AuditFixtures.stage;
import static io.pipelens.query.audit.AuditFixtures.text;
import static io.pipelens.query.audit.AuditFixtures.withExit;
import static io.pipelens.query.audit.AuditFixtures.withGoal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualificationRuleTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
            "Qualification", "Qualified lead", "Lead qualifying", "SQL", "BANT checked",
            "Квалификация", "Квалифицированный лид", "Квалификация ЛПР"})
    void aStageNamedAfterQualificationQualifies(String name) {
        QualificationCheck check = QualificationRule.check(List.of(text(named("Contact")), text(named(name))));

        assertThat(check.present()).isTrue();
        assertThat(check.stage()).isEqualTo(AuditFixtures.NEUTRAL_KEY);
        assertThat(check.evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.field()).isEqualTo(StageField.NAME));
    }

    @Test
    void theKeyTheGoalOrTheExitCriterionMayCarryTheWord() {
        assertThat(QualificationRule.check(List.of(text(keyed("qualified")))).stage()).isEqualTo("qualified");
        assertThat(QualificationRule.check(List.of(text(withGoal("The lead is qualified")))).evidence())
                .containsExactly(new Evidence(StageField.GOAL, "qualified", "qualified"));
        assertThat(QualificationRule.check(List.of(text(withExit("Квалификация пройдена")))).evidence())
                .containsExactly(new Evidence(StageField.EXIT_CRITERION, "квалификация", "квалификац*"));
    }

    @Test
    void threeBantQuestionsAnsweredMakeAQualificationStage() {
        StageDefinition english = stage("ready", "Ready to buy", null,
                "Budget confirmed, the decision maker is on board and the deadline is set");
        StageDefinition russian = stage("ready", "Готов покупать", "ЛПР подтвердил потребность",
                "Бюджет выделен");

        assertThat(QualificationRule.check(List.of(text(english))).evidence())
                .extracting(Evidence::text)
                .containsExactly("budget", "decision maker", "deadline");
        assertThat(QualificationRule.check(List.of(text(russian))).evidence())
                .containsExactly(
                        new Evidence(StageField.EXIT_CRITERION, "бюджет", "бюджет*"),
                        new Evidence(StageField.GOAL, "лпр", "лпр"),
                        new Evidence(StageField.GOAL, "потребность", "потребност*"));
    }

    @Test
    void twoBantQuestionsAreNotEnough() {
        StageDefinition profiling = stage("profiling", "Profiling", "The client fits our target profile",
                "Client fits the target profile; we talk to the decision maker who owns the problem");

        assertThat(QualificationRule.check(List.of(text(profiling))).present()).isFalse();
    }

    @Test
    void theFirstQualifyingStageIsReported() {
        QualificationCheck check = QualificationRule.check(List.of(
                text(keyed("contact")), text(keyed("qualified")), text(keyed("qualification"))));

        assertThat(check.stage()).isEqualTo("qualified");
    }

    @Test
    void withoutAQualificationStageTheFindingSaysWhyAndWhereToAddOne() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("lead", "New lead"),
                complete("demo", "Demo"),
                complete("contract", "Contract"))).stages();

        QualificationCheck check = QualificationRule.check(List.of());
        assertThat(check.present()).isFalse();
        assertThat(QualificationRule.finding(check, stages)).hasValueSatisfying(finding -> {
            assertThat(finding.rule()).isEqualTo(AuditRule.NO_QUALIFICATION_STAGE);
            assertThat(finding.stage()).isNull();
            assertThat(finding.position()).isNull();
            assertThat(finding.why()).contains("Deals that skip qualification are lost more often");
            assertThat(finding.advice()).startsWith("Add a stage 'Qualification' after 'New lead', left when: "
                    + "decision maker confirmed the problem, solution and benefit");
        });
    }

    @Test
    void withNothingBeforeQualificationItGoesBeforeTheFirstLaterStage() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("demo", "Demo"), complete("contract", "Договор"))).stages();

        assertThat(QualificationRule.finding(QualificationCheck.none(), stages))
                .hasValueSatisfying(finding -> assertThat(finding.advice())
                        .startsWith("Add a stage 'Qualification' before 'Договор'"));
    }

    @Test
    void aPresentQualificationStageGivesNoFinding() {
        QualificationCheck check = new QualificationCheck("q", List.of());

        assertThat(QualificationRule.finding(check, List.of())).isEmpty();
    }
}
