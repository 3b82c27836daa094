package io.pipelens.query.audit;

import java.util.List;

/**
 * Whether the pipeline has a qualification-like stage.
 *
 * @param stage    key of the first qualification-like stage, or null when there is none
 * @param evidence the words that make it one: the word itself, or one per BANT question found
 */
public record QualificationCheck(String stage, List<Evidence> evidence) {

    public QualificationCheck {
        evidence = List.copyOf(evidence);
    }

    static QualificationCheck none() {
        return new QualificationCheck(null, List.of());
    }

    public boolean present() {
        return stage != null;
    }
}
