package io.pipelens.command.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Problems (or skipped rows) counted in full but listed only up to a cap, so a file of garbage gives a short answer. */
final class ProblemList {

    static final int LISTED = 1000;

    private final List<ImportProblem> listed = new ArrayList<>();
    private final Map<String, Long> byCode = new TreeMap<>();
    private long total;

    void add(ImportProblem problem) {
        total++;
        byCode.merge(problem.code(), 1L, Long::sum);
        if (listed.size() < LISTED) {
            listed.add(problem);
        }
    }

    void add(long row, String column, ProblemCode code, String reason) {
        add(new ImportProblem(row, column, code, reason));
    }

    void addAll(ProblemList other) {
        other.listed.forEach(problem -> {
            if (listed.size() < LISTED) {
                listed.add(problem);
            }
        });
        total += other.total;
        other.byCode.forEach((code, count) -> byCode.merge(code, count, Long::sum));
    }

    /** Every problem counted by its code, the unlisted ones included. */
    Map<String, Long> countsByCode() {
        return Map.copyOf(byCode);
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
