package io.pipelens.query.audit;

import static io.pipelens.query.audit.AuditFixtures.complete;
import static io.pipelens.query.audit.AuditFixtures.keyed;
import static io.pipelens.query.audit.AuditFixtures.named;
import static io.pipelens.query.audit.AuditFixtures.stage;
import static io.pipelens.query.audit.AuditFixtures.text;
import static io.pipelens.query.audit.AuditFixtures.withGoal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityRuleTest {

    @ParameterizedTest(name = "''{0}'' is {1} (''{2}'')")
    @CsvSource({
            "Calls, call, calls",
            "Calling the client, call, calling",
            "Cold call, call, call",
            "Meeting scheduled, meeting, meeting",
            "Demo, demo, demo",
            "Product demonstration, demo, demonstration",
            "Presentation, presentation, presentation",
            "Proposal sent, proposal, proposal",
            "Commercial offer sent, proposal, offer",
            "Follow-up, follow-up, follow up",
            "Followups, follow-up, followups",
            "Negotiations, negotiation, negotiations",
            "Quote sent, quote, quote",
            "Invoice sent, invoice, invoice",
            "E-mail, email, e mail",
            "Emailing, email, emailing",
            "On-site visit, visit, visit",
            "Documents sent, sending, sent"})
    void englishActivityNamesAreFound(String name, String activity, String text) {
        assertThat(ActivityRule.match(text(named(name))))
                .hasValueSatisfying(match -> {
                    assertThat(match.activity()).isEqualTo(activity);
                    assertThat(match.evidence()).isEqualTo(
                            new Evidence(StageField.NAME, text, match.evidence().term()));
                });
    }

    @ParameterizedTest(name = "''{0}'' is {1} (''{2}'')")
    @CsvSource({
            "Звонок клиенту, call, звонок",
            "Звонки, call, звонки",
            "Первичный созвон, call, созвон",
            "Встреча, meeting, встреча",
            "Демо, demo, демо",
            "Демонстрация продукта, demo, демонстрация",
            "Презентация, presentation, презентация",
            "КП отправлено, proposal, кп",
            "Коммерческое предложение отправлено, proposal, коммерческое предложение",
            "Фоллоу-ап, follow-up, фоллоу ап",
            "Дожим, follow-up, дожим",
            "Переговоры, negotiation, переговоры",
            "Счёт выставлен, invoice, счет",
            "Письмо клиенту, email, письмо",
            "Визит к клиенту, visit, визит",
            "Документы отправлены, sending, отправлены"})
    void russianActivityNamesAreFound(String name, String activity, String text) {
        assertThat(ActivityRule.match(text(named(name))))
                .hasValueSatisfying(match -> {
                    assertThat(match.activity()).isEqualTo(activity);
                    assertThat(match.evidence().field()).isEqualTo(StageField.NAME);
                    assertThat(match.evidence().text()).isEqualTo(text);
                });
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
            "Contact found", "Qualified", "Requirements discovery", "Terms agreed", "Verbal yes",
            "Recall of the product",
            "Client runs a call centre of 50 seats",
            "Solution meeting the requirements",
            "Demonstrably better than the incumbent",
            "Our offering fits the profile",
            "Visitor badge issued",
            "Письменное согласие получено",
            "Экономия за счёт автоматизации подтверждена",
            "Встречное требование согласовано",
            "Визитка получена",
            "ЛПР подтвердил потребность"})
    void wordsThatOnlyLookLikeActivitiesAreNotFlagged(String name) {
        assertThat(ActivityRule.match(text(named(name)))).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
            "Proposal accepted", "Quote approved", "Invoice paid", "Offer signed",
            "КП согласовано", "Коммерческое предложение принято", "Счёт оплачен"})
    void aStageThatSaysTheClientAcceptedIsAClientState(String name) {
        assertThat(ActivityRule.match(text(named(name)))).isEmpty();
    }

    @Test
    void aKeyIsReadWithItsNameButAGoalDoesNotExcuseTheName() {
        assertThat(ActivityRule.match(text(stage("proposal", "Proposal accepted", null, null)))).isEmpty();
        assertThat(ActivityRule.match(text(stage("kp", "КП", "КП согласовано", null))))
                .hasValueSatisfying(match -> assertThat(match.evidence().field()).isEqualTo(StageField.NAME));
        assertThat(ActivityRule.match(text(stage("terms", "Negotiations", "Terms agreed with everyone", null))))
                .hasValueSatisfying(match -> assertThat(match.activity()).isEqualTo("negotiation"));
        assertThat(ActivityRule.match(text(stage("offer_ok", "Offer accepted", "Send the offer again", null))))
                .hasValueSatisfying(match -> assertThat(match.evidence())
                        .isEqualTo(new Evidence(StageField.GOAL, "send", "send*")));
    }

    @Test
    void theKeyAndTheGoalAreReadToo() {
        assertThat(ActivityRule.match(text(keyed("demo_scheduled"))))
                .hasValueSatisfying(match -> assertThat(match.evidence())
                        .isEqualTo(new Evidence(StageField.KEY, "demo", "demo*")));
        assertThat(ActivityRule.match(text(keyed("proposalSent"))))
                .hasValueSatisfying(match -> assertThat(match.activity()).isEqualTo("proposal"));
        assertThat(ActivityRule.match(text(withGoal("Позвонить и назначить встречу"))))
                .hasValueSatisfying(match -> assertThat(match.evidence())
                        .isEqualTo(new Evidence(StageField.GOAL, "встречу", "встреч*")));
    }

    @Test
    void theExitCriterionIsNotRead() {
        assertThat(ActivityRule.match(text(stage("s", "Stage", null, "Demo shown to the decision maker"))))
                .isEmpty();
    }

    @Test
    void theKeyDecidesBeforeTheNameAndTheEarliestWordInIt() {
        StageDefinition stage = stage("call", "Meeting or demo", null, null);

        assertThat(ActivityRule.match(text(stage)))
                .hasValueSatisfying(match -> assertThat(match.activity()).isEqualTo("call"));
        assertThat(ActivityRule.match(text(named("Demo after the meeting"))))
                .hasValueSatisfying(match -> assertThat(match.activity()).isEqualTo("demo"));
    }

    @Test
    void aFindingNamesTheStageAndTheWordAndSaysWhyAndWhatToDo() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("qualification", "Qualified"),
                complete("proposal_sent", "Proposal sent"))).stages();

        assertThat(ActivityRule.findings(stages)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AuditRule.ACTIVITY_STAGE);
            assertThat(finding.stage()).isEqualTo("proposal_sent");
            assertThat(finding.position()).isEqualTo(2);
            assertThat(finding.word()).isEqualTo("proposal");
            assertThat(finding.message()).isEqualTo(
                    "Stage 'Proposal sent' is named after a seller activity, proposal ('proposal' in its key).");
            assertThat(finding.why()).startsWith("Sending a proposal changes nothing in the client's head");
            assertThat(finding.advice())
                    .startsWith("Absorb it into 'Qualified', the nearest stage before it that is not an activity")
                    .contains("or rename it to the client state it aims at, for example 'Terms agreed', left when: "
                            + "technical, organisational and financial terms agreed with every participant.");
        });
    }

    @Test
    void aFirstActivityStageIsAbsorbedIntoTheStageAfterIt() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("calls", "Звонки"),
                complete("qualified", "Квалифицирован"))).stages();

        assertThat(ActivityRule.findings(stages)).singleElement().satisfies(finding -> {
            assertThat(finding.word()).isEqualTo("calls");
            assertThat(finding.why()).startsWith("Making a call changes nothing in the client's head");
            assertThat(finding.advice()).startsWith("Absorb it into 'Квалифицирован', the nearest stage after it "
                    + "that is not an activity, as none comes before it").contains("for example 'Profiling'");
        });
    }

    @Test
    void consecutiveActivityStagesAreAbsorbedIntoTheGoalStageBeforeThem() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(
                complete("contact", "Contact found"),
                complete("call", "Call"),
                complete("meeting", "Meeting"))).stages();

        assertThat(ActivityRule.findings(stages)).extracting(Finding::advice).allSatisfy(advice ->
                assertThat(advice).startsWith("Absorb it into 'Contact found', the nearest stage before it that is "
                        + "not an activity"));
    }

    @Test
    void anActivityThatAimsAtNoTemplateStageAsksWhatTheClientDid() {
        List<StageAudit> stages = PipelineAudit.audit(List.of(complete("sent", "Sent"))).stages();

        assertThat(ActivityRule.findings(stages)).singleElement()
                .satisfies(finding -> assertThat(finding.advice()).isEqualTo(
                        "Rename it to the client state it aims at: what has the client decided or done when the "
                                + "stage is over?"));
    }
}
