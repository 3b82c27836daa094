package io.pipelens.kernel;

/**
 * One reason why a command or query was refused: the input field it concerns and a sentence that says what is wrong.
 *
 * @param field  dotted path of the offending input field, for example {@code stages[2].key}
 * @param reason human-readable explanation
 */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
