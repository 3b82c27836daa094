package io.pipelens.query.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A word or phrase of a vocabulary, matched on whole words with light stemming. Written in lower case, words separated
 * by spaces; a word ending in {@code *} is a stem:
 * <ul>
 * <li>an English stem takes no ending or one of -s, -es, -ed, -ing, -ings, -er, -ers, and a stem ending in 'e' may
 * drop it before -ed, -ing, -er ({@code call*}: calls, Calling; {@code quote*}: quoted, quoting; not recall,
 * callback);</li>
 * <li>a Russian stem takes at most three more letters ({@code звонк*}: звонки, звонками; {@code письм*}: письмо,
 * but not письменное).</li>
 * </ul>
 * A word without {@code *} must match exactly ({@code кп}, {@code демо}, {@code lead}).
 */
record Term(String text, List<String> words) {

    private static final Set<String> ENGLISH_ENDINGS = Set.of("", "s", "es", "ed", "ing", "ings", "er", "ers");
    private static final Set<String> AFTER_DROPPED_E = Set.of("ed", "ing", "ings", "er", "ers");
    private static final int MAX_RUSSIAN_ENDING = 3;

    Term {
        words = List.copyOf(words);
    }

    static Term of(String text) {
        return new Term(text, Arrays.asList(text.split(" ")));
    }

    static List<Term> all(String... texts) {
        return Arrays.stream(texts).map(Term::of).toList();
    }

    /** Every place the term occurs in {@code words}. */
    List<Occurrence> findIn(List<String> words) {
        List<Occurrence> found = new ArrayList<>();
        for (int start = 0; start + this.words.size() <= words.size(); start++) {
            if (matchesAt(words, start)) {
                found.add(new Occurrence(this, start, this.words.size(),
                        String.join(" ", words.subList(start, start + this.words.size()))));
            }
        }
        return found;
    }

    private boolean matchesAt(List<String> words, int start) {
        for (int i = 0; i < this.words.size(); i++) {
            if (!matches(this.words.get(i), words.get(start + i))) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String pattern, String word) {
        if (!pattern.endsWith("*")) {
            return pattern.equals(word);
        }
        String stem = pattern.substring(0, pattern.length() - 1);
        if (isCyrillic(stem)) {
            return word.startsWith(stem) && word.length() - stem.length() <= MAX_RUSSIAN_ENDING;
        }
        if (word.startsWith(stem) && ENGLISH_ENDINGS.contains(word.substring(stem.length()))) {
            return true;
        }
        if (stem.endsWith("e")) {
            String base = stem.substring(0, stem.length() - 1);
            return word.startsWith(base) && AFTER_DROPPED_E.contains(word.substring(base.length()));
        }
        return false;
    }

    private static boolean isCyrillic(String stem) {
        return stem.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    /**
     * Where a term occurs among a text's words.
     *
     * @param term   the term that matched
     * @param start  index of its first word
     * @param length number of words
     * @param text   the words as found (lower-cased)
     */
    record Occurrence(Term term, int start, int length, String text) {

        boolean overlaps(Occurrence other) {
            return start < other.start + other.length && other.start < start + length;
        }

        /** Earlier first; at the same place the longer (more specific) one first. */
        boolean before(Occurrence other) {
            return start != other.start ? start < other.start : length > other.length;
        }
    }
}
