package io.pipelens.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermTest {

    @Test
    void wordsAreCutAtAnythingButLettersAndAtCamelCase() {
        assertThat(Words.of("proposal_sent")).containsExactly("proposal", "sent");
        assertThat(Words.of("proposalSent")).containsExactly("proposal", "sent");
        assertThat(Words.of("Follow-up #2 (e-mail)")).containsExactly("follow", "up", "e", "mail");
        assertThat(Words.of("КП/счёт")).containsExactly("кп", "счет");
        assertThat(Words.of("  ")).isEmpty();
        assertThat(Words.of(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            "call*, call", "call*, calls", "call*, calling", "call*, called", "call*, callers",
            "quote*, quotes", "quote*, quoted", "quote*, quoting", "negotiate*, negotiating",
            "profile*, profiling", "pitch*, pitches",
            "звонк*, звонки", "звонк*, звонками", "встреч*, встреча", "встреч*, встречей",
            "презентац*, презентация", "переговор*, переговоры",
            "кп, кп", "демо, демо", "lead, lead"})
    void aStemTakesLightEndings(String pattern, String word) {
        assertThat(Term.matches(pattern, word)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
            "call*, recall", "call*, callback", "call*, calligraphy", "demo*, demonstrably", "demo*, democracy",
            "visit*, visitor", "quote*, quota", "sign*, signal", "sign*, design",
            "письм*, письменное", "звонк*, перезвонки", "договор*, договоренность", "лид, лидер",
            "кп, кпд", "демо, демократия", "lead, leader"})
    void aStemIsMatchedOnWholeWordsOnly(String pattern, String word) {
        assertThat(Term.matches(pattern, word)).isFalse();
    }

    @Test
    void aPhraseMatchesConsecutiveWords() {
        Term term = Term.of("коммерческ* предложени*");

        assertThat(term.findIn(Words.of("Отправлено коммерческое предложение")))
                .singleElement()
                .satisfies(found -> {
                    assertThat(found.start()).isEqualTo(1);
                    assertThat(found.text()).isEqualTo("коммерческое предложение");
                });
        assertThat(term.findIn(Words.of("коммерческое и техническое предложение"))).isEmpty();
    }

    @Test
    void aGuardedTermDoesNotCount() {
        Lexicon meeting = Lexicon.of("meeting*").guardedBy("meeting* the");

        assertThat(meeting.firstIn(Words.of("Solution meeting the requirements"))).isEmpty();
        assertThat(meeting.firstIn(Words.of("Meeting the team, then a meeting with the board")))
                .hasValueSatisfying(found -> assertThat(found.start()).isEqualTo(5));
    }

    @Test
    void theEarliestTermWinsAndAtOnePlaceTheLongest() {
        Lexicon lexicon = Lexicon.of("offer*", "commercial offer*", "sent");

        assertThat(lexicon.firstIn(Words.of("Commercial offer sent")))
                .hasValueSatisfying(found -> assertThat(found.text()).isEqualTo("commercial offer"));
        assertThat(lexicon.firstIn(List.of("sent", "offer")))
                .hasValueSatisfying(found -> assertThat(found.text()).isEqualTo("sent"));
    }
}
