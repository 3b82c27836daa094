package io.pipelens.command.importing;

/**
 * Hears how an import is going. Called from the importer's worker threads, so an implementation must be thread-safe;
 * the counts only grow.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = update -> {
    };

    void update(Update update);

    /**
     * @param phase               VALIDATING while reading the file, CHECKING while each deal the store already holds
     *                            is tried against it, IMPORTING while recording deals (one update per batch), DONE at
     *                            the end
     * @param rowsValidated       rows read and checked so far
     * @param deals               deals checked (CHECKING) or to record (IMPORTING); in the file (VALIDATING, DONE)
     * @param dealsImported       deals checked (CHECKING) or recorded (IMPORTING) so far
     * @param transitionsAppended changes appended so far (while CHECKING: that would be appended)
     * @param duplicates          changes found already recorded so far
     */
    record Update(Phase phase, long rowsValidated, int deals, int dealsImported, long transitionsAppended,
                  long duplicates) {
    }

    enum Phase {
        VALIDATING, CHECKING, IMPORTING, DONE
    }
}
