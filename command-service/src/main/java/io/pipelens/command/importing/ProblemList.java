package io.pipelens.command.importing;

import java.util.ArrayList;
import java.util.List;

/** Problems (or skipped rows) counted in full but listed only up to a cap, so a file of garbage gives a short answer. */
final class ProblemList {

    static final int LISTED = 1000;

    private final List<ImportProblem> listed = new ArrayList<>();
    private long total;

    void add(ImportProblem problem) {
        total++;
        if (listed.size() < LISTED) {
            listed.add(problem);
        }
    }

    void add(long row, String column, String reason) {
        add(new ImportProblem(row, column, reason));
    }

    void addAll(ProblemList other) {
        other.listed.forEach(problem -> {
            if (listed.size() < LISTED) {
                listed.add(problem);
            }
        });
        total += other.total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    long total() {
        return total;
    }

    List<ImportProblem> listed() {
        return List.copyOf(listed);
    }
}
