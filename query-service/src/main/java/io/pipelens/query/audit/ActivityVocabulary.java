package io.pipelens.query.audit;

import java.util.List;

/**
 * Seller activities in English and Russian, and the client-state words that turn a stage named after an activity into
 * a goal ("Proposal accepted", "КП согласовано").
 */
final class ActivityVocabulary {

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("call", "making a call", "profiling", Lexicon.of(
                    "call*", "callback*", "звонок", "звонк*", "звони*", "созвон*", "прозвон*", "обзвон*")
                    .guardedBy("so called", "call* for", "call* center*", "call* centre*")),
            new Activity("meeting", "holding a meeting", "qualification", Lexicon.of(
                    "meeting*", "встреч*")
                    .guardedBy("meeting* the", "meeting* its", "meeting* their", "meeting* our", "meeting* all",
                            "meeting* every", "meeting* each", "meeting* requirement*", "meeting* need*",
                            "meeting* expectation*", "meeting* deadline*", "meeting* criteria", "meeting* target*",
                            "встречн*")),
            new Activity("demo", "showing a demo", "qualification", Lexicon.of(
                    "demo*", "demonstration*", "webinar*", "демо", "демонстрац*", "вебинар*")),
            new Activity("presentation", "giving a presentation", "qualification", Lexicon.of(
                    "presentation*", "pitch*", "презентац*", "питч*")),
            new Activity("proposal", "sending a proposal", "terms", Lexicon.of(
                    "proposal*", "offer*", "кп", "коммерческ* предложени*", "предложени*", "оферт*")
                    .guardedBy("offering*")),
            new Activity("follow-up", "following up", "defence", Lexicon.of(
                    "follow* up*", "followup*", "фоллоу* ап", "фоллоуап*", "фолоу* ап", "фолоуап*", "reminder*",
                    "дожим*", "напоминани*")),
            new Activity("negotiation", "negotiating", "terms", Lexicon.of(
                    "negotiation*", "negotiate*", "переговор*")),
            new Activity("quote", "sending a quote", "terms", Lexicon.of(
                    "quote*", "quotation*")),
            new Activity("invoice", "sending an invoice", "signing", Lexicon.of(
                    "invoice*", "счет*")
                    .guardedBy("за счет*", "в счет*", "счетн*")),
            new Activity("email", "sending an email", "contact", Lexicon.of(
                    "email*", "e mail*", "mail*", "newsletter*", "письм*", "рассылк*")),
            new Activity("visit", "paying a visit", "requirements", Lexicon.of(
                    "visit*", "визит*", "выезд*")
                    .guardedBy("визитк*")),
            new Activity("sending", "sending something", null, Lexicon.of(
                    "sent", "send*", "отправлен*", "отправк*", "отправи*", "выслан*")));

    /** Words that say the client did something: a stage that names one is a client state, whatever else it names. */
    static final Lexicon CLIENT_STATE = Lexicon.of(
            "accept*", "acceptance", "approve*", "approval", "agree*", "signed", "chose", "chosen", "paid",
            "принят", "принято", "принята", "приняты", "принял*", "одобрен*", "одобрил*", "согласован*",
            "согласил*", "подписан*", "подписал*", "оплачен*", "оплатил*", "утвержден*", "утвердил*", "выбрал*");

    private ActivityVocabulary() {
    }
}
