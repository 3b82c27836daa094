package io.pipelens.query.audit;

/**
 * Why a rule matched: which text of the stage, the words found there, and the vocabulary term they matched.
 *
 * @param field where the words were found
 * @param text  the words as found, lower-cased ({@code звонки})
 * @param term  the vocabulary term they matched ({@code звонк*}; {@code *} marks a stem)
 */
public record Evidence(StageField field, String text, String term) {

    static Evidence of(StageField field, Term.Occurrence found) {
        return new Evidence(field, found.text(), found.term().text());
    }
}
