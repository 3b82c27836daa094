package io.pipelens.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stage text cut into words: camelCase keys are split ({@code proposalSent}), then everything that is not a letter
 * separates words ({@code proposal_sent}, {@code follow-up}, {@code КП/счёт}); words are lower-cased and 'ё' is read
 * as 'е', so vocabularies are written once in lower case.
 */
final class Words {

    private Words() {
    }

    static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String spaced = text.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
        String normal = spaced.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> words = new ArrayList<>();
        for (String word : normal.split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
