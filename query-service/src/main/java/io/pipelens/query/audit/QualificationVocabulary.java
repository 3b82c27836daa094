package io.pipelens.query.audit;

import java.util.List;

/**
 * What makes a stage qualification-like: the word itself, or three of the four BANT questions answered in its texts
 * (budget, decision maker, need, timing), as in the template's exit criterion "decision maker confirmed the problem,
 * solution and benefit; deadline, budget and deal plan agreed". Two are not enough: profiling already finds "the
 * decision maker who owns the problem".
 */
final class QualificationVocabulary {

    static final Lexicon KEYWORDS = Lexicon.of(
            "qualification*", "qualified", "qualify", "qualifying", "qualifies", "bant", "sql",
            "квалификац*", "квалифицирован*");

    /** The BANT questions, each with how it is written. */
    static final List<BantQuestion> BANT = List.of(
            new BantQuestion("budget", Lexicon.of("budget*", "бюджет*")),
            new BantQuestion("decision maker", Lexicon.of(
                    "decision maker*", "decisionmaker*", "authority", "лпр", "лиц* принимающ* решени*")),
            new BantQuestion("need", Lexicon.of(
                    "need*", "problem*", "pain*", "потребност*", "проблем*", "боль", "боли")),
            new BantQuestion("timing", Lexicon.of(
                    "deadline*", "timeline*", "timeframe*", "timing", "срок*", "дедлайн*")));

    static final int BANT_QUESTIONS_NEEDED = 3;

    private QualificationVocabulary() {
    }

    /**
     * One BANT question.
     *
     * @param question what it asks about, as findings name it
     * @param lexicon  how it is written
     */
    record BantQuestion(String question, Lexicon lexicon) {
    }
}
