package io.pipelens.query.audit;

import java.util.Map;

/**
 * How each stage of the 9-stage template is written in other pipelines, in English and Russian, by template key. Some
 * entries are activities too (negotiation, proposal, invoice): they still tell where in the template a stage sits.
 */
final class TemplateVocabulary {

    static final Map<String, Lexicon> BY_STAGE = Map.of(
            "contact", Lexicon.of(
                    "contact*", "lead", "leads", "prospect*", "inbound", "inquiry", "enquiry", "inquiries",
                    "контакт*", "лид", "лиды", "лида", "лидов", "лидам", "обращени*", "заявк*"),
            "profiling", Lexicon.of(
                    "profile*", "icp", "segment*", "fit", "fits", "decision maker*", "decisionmaker*",
                    "профил*", "профилирован*", "сегмент*", "лпр"),
            "qualification", QualificationVocabulary.KEYWORDS,
            "requirements", Lexicon.of(
                    "requirement*", "discovery", "discover*", "need* analysis", "need* assessment*", "stakeholder*",
                    "influencer*", "scoping",
                    "требовани*", "потребност*", "бриф*", "техническ* задани*", "тз", "обследовани*"),
            "terms", Lexicon.of(
                    "terms", "negotiation*", "negotiate*", "proposal*", "offer*", "quote*", "quotation*", "pricing",
                    "услови*", "переговор*", "кп", "коммерческ* предложени*", "предложени*", "оферт*")
                    .guardedBy("offering*"),
            "defence", Lexicon.of(
                    "defence", "defense", "defend*", "decision", "decisions", "tender*", "verbal*", "shortlist*",
                    "защит*", "тендер*", "торги", "конкурс*", "устн*", "принят* решени*")
                    .guardedBy("decision maker*"),
            "signing", Lexicon.of(
                    "contract*", "sign*", "signature*", "payment*", "pay", "pays", "paid", "prepaid", "prepayment*",
                    "invoice*",
                    "договор*", "контракт*", "подписан*", "подпис*", "оплат*", "оплач*", "предоплат*", "счет*")
                    .guardedBy("за счет*", "в счет*", "счетн*"),
            "implementation", Lexicon.of(
                    "implementation*", "implement*", "onboard*", "deploy*", "deployment*", "rollout*", "roll out",
                    "go live", "kickoff", "kick off", "delivery", "deliver*", "install*", "installation*",
                    "внедрен*", "запуск*", "поставк*", "установк*", "обучени*", "онбординг*"),
            "service", Lexicon.of(
                    "service", "upsell*", "up sell*", "cross sell*", "crosssell*", "renewal*", "renew*", "retention",
                    "customer success", "account management", "after sales", "aftersales", "repeat sale*",
                    "repeat order*", "repeat purchase*",
                    "допродаж*", "кросс продаж*", "повторн*", "продлени*", "сопровождени*", "обслуживани*",
                    "сервис*", "апсейл*"));

    private TemplateVocabulary() {
    }
}
