package io.pipelens.query.audit;

import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The words of each text of one stage, cut once and read by every rule. */
record StageText(StageDefinition stage, Map<StageField, List<String>> words) {

    static StageText of(StageDefinition stage) {
        Map<StageField, List<String>> words = new EnumMap<>(StageField.class);
        for (StageField field : StageField.values()) {
            words.put(field, Words.of(field.of(stage)));
        }
        return new StageText(stage, words);
    }

    List<String> words(StageField field) {
        return words.get(field);
    }
}
