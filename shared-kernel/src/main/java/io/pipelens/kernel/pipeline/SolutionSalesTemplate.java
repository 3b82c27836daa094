package io.pipelens.kernel.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference goal-based pipeline of nine stages: each stage is a state reached in the client's head, with its exit
 * criterion and that criterion as a checklist. Teams start from it or audit their own pipeline against it.
 *
 * <p>A defined pipeline carries one text per checklist item, in English as the template defines it; the Russian
 * wording of each item is offered beside it by {@link #russianText(String)}, for teams who define their own stages
 * in Russian. Item keys are unique across the template, so a key alone finds its wording.
 */
public final class SolutionSalesTemplate {

    public static final String NAME = "Solution Sales (9 goal-based stages)";

    private static final Map<String, String> RUSSIAN = new LinkedHashMap<>();

    public static final List<StageDefinition> STAGES = List.of(
            new StageDefinition("contact", "Contact found", "We can reach the client",
                    "We have a contact and access to talk to the client", null, List.of(
                    item("contact-access", "We have a contact and access to talk to the client",
                            "Есть контакт и доступ к общению с клиентом"))),
            new StageDefinition("profiling", "Profiling", "The client fits our target profile",
                    "Client fits the target profile; we talk to the decision maker who owns the problem", null, List.of(
                    item("fits-profile", "The client fits the target profile",
                            "Клиент соответствует целевому профилю"),
                    item("decision-maker-reached", "We talk to the decision maker who owns the problem",
                            "Мы общаемся с ЛПР, который владеет проблемой"))),
            new StageDefinition("qualification", "Qualification", "The decision maker wants to solve the problem with us",
                    "Decision maker confirmed the problem, solution and benefit; deadline, budget and deal plan agreed",
                    null, List.of(
                    item("problem-confirmed", "The decision maker confirmed the problem", "ЛПР подтвердил проблему"),
                    item("solution-agreed", "Solution and benefit agreed with the decision maker",
                            "Решение и выгода согласованы с ЛПР"),
                    item("deadline", "Deadline agreed", "Срок согласован"),
                    item("budget", "Budget agreed", "Бюджет согласован"),
                    item("deal-plan", "Deal plan agreed", "План сделки согласован"))),
            new StageDefinition("requirements", "Requirements discovery", "Everyone who influences the deal is known",
                    "Everyone who influences the deal is known, with their requirements and priorities", null, List.of(
                    item("influencers-known", "Everyone who influences the deal is known",
                            "Известны все, кто влияет на сделку"),
                    item("requirements-known", "Their requirements and priorities are known",
                            "Известны их требования и приоритеты"))),
            new StageDefinition("terms", "Terms agreed", "Every participant accepts our terms",
                    "Technical, organisational and financial terms agreed with every participant", null, List.of(
                    item("terms-agreed", "Technical, organisational and financial terms agreed with every participant",
                            "Технические, организационные и финансовые условия согласованы со всеми участниками"))),
            new StageDefinition("defence", "Deal defence", "The final decision maker says yes",
                    "Verbal \"yes\" from the final decision maker, or tender won", null, List.of(
                    item("final-yes", "Verbal \"yes\" from the final decision maker, or tender won",
                            "Устное «да» от финального ЛПР или выигранный тендер"))),
            new StageDefinition("signing", "Signing & payment", "The deal is formalised",
                    "Documents signed, money received (if prepaid)", null, List.of(
                    item("documents-signed", "Documents signed", "Документы подписаны"),
                    item("prepayment-received", "Money received (if prepaid)", "Деньги получены (при предоплате)"))),
            new StageDefinition("implementation", "Implementation", "The client gets the value it pays for",
                    "The client received the value it pays for", null, List.of(
                    item("value-received", "The client received the value it pays for",
                            "Клиент получил ценность, за которую платит"))),
            new StageDefinition("service", "Service & upsell", "The client starts the next deal",
                    "The next deal has been initiated", null, List.of(
                    item("next-deal", "The next deal has been initiated", "Инициирована следующая сделка"))));

    private SolutionSalesTemplate() {
    }

    public static PipelineDefinition definition() {
        return new PipelineDefinition(STAGES);
    }

    /** The Russian wording of the template's checklist item {@code key}, or null when the template has no such item. */
    public static String russianText(String key) {
        return RUSSIAN.get(key);
    }

    private static CriterionDefinition item(String key, String english, String russian) {
        RUSSIAN.put(key, russian);
        return new CriterionDefinition(key, english);
    }
}
