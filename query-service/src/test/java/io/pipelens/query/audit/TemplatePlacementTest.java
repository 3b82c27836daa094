package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.keyed;
import static io.pipelens.query.audit.AuditFixtures.named;
import static io.pipelens.query.audit.AuditFixtures.stage;
import static io.pipelens.query.audit.AuditFixtures.text;
import static io.pipelens.query.audit.AuditFixtures.withExit;
import static io.pipelens.query.audit.AuditFixtures.withGoal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatePlacementTest {

    @ParameterizedTest(name = "''{0}'' reads like {1} (''{2}'')")
    @CsvSource({
            "New lead, contact, lead",
            "Contacted, contact, contacted",
            "Лиды, contact, лиды",
            "Входящая заявка, contact, заявка",
            "Target profile fit, profiling, profile",
            "Выход на ЛПР, profiling, лпр",
            "Qualified, qualification, qualified",
            "Квалификация, qualification, квалификация",
            "Discovery, requirements, discovery",
            "Needs analysis, requirements, needs analysis",
            "Выявление потребностей, requirements, потребностей",
            "Negotiation, terms, negotiation",
            "Переговоры, terms, переговоры",
            "Proposal sent, terms, proposal",
            "КП, terms, кп",
            "Tender, defence, tender",
            "Final decision, defence, decision",
            "Защита сделки, defence, защита",
            "Contract, signing, contract",
            "Payment received, signing, payment",
            "Договор подписан, signing, договор",
            "Оплата, signing, оплата",
            "Onboarding, implementation, onboarding",
            "Внедрение, implementation, внедрение",
            "Upsell, service, upsell",
            "Renewal, service, renewal",
            "Допродажа, service, допродажа"})
    void aStageNameTellsItsTemplateStage(String name, String template, String text) {
        assertThat(TemplatePlacement.match(text(named(name))))
                .hasValueSatisfying(match -> {
                    assertThat(match.key()).isEqualTo(template);
                    assertThat(match.position()).isEqualTo(TemplatePlacement.positionOf(template));
                    assertThat(match.evidence()).singleElement().satisfies(evidence -> {
                        assertThat(evidence.field()).isEqualTo(StageField.NAME);
                        assertThat(evidence.text()).isEqualTo(text);
                    });
                });
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Demo", "Meeting", "Звонок", "Stage 4", "Этап", "Leader board", "Closed won"})
    void someStagesReadLikeNone(String name) {
        assertThat(TemplatePlacement.match(text(named(name)))).isEmpty();
    }

    @Test
    void aDecisionMakerIsProfilingNotADecision() {
        assertThat(TemplatePlacement.match(text(named("Decision maker reached"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("profiling"));
    }

    @Test
    void theKeyDecidesBeforeTheName() {
        assertThat(TemplatePlacement.match(text(stage("contract", "Negotiation", null, null))))
                .hasValueSatisfying(match -> assertThat(match.evidence()).containsExactly(
                        new Evidence(StageField.KEY, "contract", "contract*")));
    }

    @Test
    void theGoalAndThenTheExitCriterionAreReadWhenKeyAndNameSayNothing() {
        assertThat(TemplatePlacement.match(text(withGoal("Клиент готов подписать договор"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("signing"));
        assertThat(TemplatePlacement.match(text(withExit("Every stakeholder known"))))
                .hasValueSatisfying(match -> assertThat(match.evidence()).containsExactly(
                        new Evidence(StageField.EXIT_CRITERION, "stakeholder", "stakeholder*")));
    }

    @Test
    void whenATextNamesSeveralTemplateStagesTheFurthestAlongWins() {
        assertThat(TemplatePlacement.match(text(named("Lead qualification"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("qualification"));
        assertThat(TemplatePlacement.match(text(named("Переговоры и подписание договора"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("signing"));
    }

    @Test
    void guardsKeepLookAlikesOut() {
        assertThat(TemplatePlacement.match(text(named("Экономия за счёт автоматизации")))).isEmpty();
        assertThat(TemplatePlacement.match(text(named("Our offering is understood")))).isEmpty();
    }

    @Test
    void aStageAnsweringThreeBantQuestionsReadsLikeQualification() {
        assertThat(TemplatePlacement.match(text(stage("ready", "Ready to buy", null,
                "Бюджет, ЛПР и сроки известны"))))
                .hasValueSatisfying(match -> {
                    assertThat(match.key()).isEqualTo("qualification");
                    assertThat(match.evidence()).extracting(Evidence::text).containsExactly("бюджет", "лпр", "сроки");
                });
    }

    @Test
    void activitiesThatServeATemplateStageStillPlaceIt() {
        assertThat(TemplatePlacement.match(text(keyed("negotiations"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("terms"));
        assertThat(TemplatePlacement.match(text(named("Счёт выставлен"))))
                .hasValueSatisfying(match -> assertThat(match.key()).isEqualTo("signing"));
    }
}
