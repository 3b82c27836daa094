package io.pipelens.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The terms that say one thing, in English and Russian, with guards: phrases that contain a term but mean something
 * else ({@code meeting the requirements}, {@code за счёт}). A term found inside a guard does not count.
 */
record Lexicon(List<Term> terms, List<Term> guards) {

    Lexicon {
        terms = List.copyOf(terms);
        guards = List.copyOf(guards);
    }

    static Lexicon of(String... terms) {
        return new Lexicon(Term.all(terms), List.of());
    }

    Lexicon guardedBy(String... guards) {
        List<Term> all = new ArrayList<>(this.guards);
        all.addAll(Term.all(guards));
        return new Lexicon(terms, all);
    }

    /** The earliest term in {@code words} that no guard covers; at the same place the longest. */
    Optional<Term.Occurrence> firstIn(List<String> words) {
        List<Term.Occurrence> guarded = new ArrayList<>();
        for (Term guard : guards) {
            guarded.addAll(guard.findIn(words));
        }
        Term.Occurrence first = null;
        for (Term term : terms) {
            for (Term.Occurrence found : term.findIn(words)) {
                if (guarded.stream().noneMatch(found::overlaps) && (first == null || found.before(first))) {
                    first = found;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** The first of {@code fields}, in that order, where a term occurs, with what was found there. */
    Optional<Evidence> firstIn(StageText stage, List<StageField> fields) {
        for (StageField field : fields) {
            Optional<Term.Occurrence> found = firstIn(stage.words(field));
            if (found.isPresent()) {
                return Optional.of(Evidence.of(field, found.get()));
            }
        }
        return Optional.empty();
    }
}
