package io.pipelens.command.importing;

import java.util.List;
import java.util.stream.Collectors;

/** The file was refused before anything was appended; carries every problem found (the first ones when many). */
public class ImportRejectedException extends RuntimeException {

    private final transient List<ImportProblem> problems;
    private final long total;
    private final transient List<String> hints;

    ImportRejectedException(List<ImportProblem> problems, long total) {
        this(problems, total, List.of());
    }

    /** @param hints which option would fix many of the problems, once each with the count (see {@link ImportHints}) */
    ImportRejectedException(List<ImportProblem> problems, long total, List<String> hints) {
        super(total + " problem" + (total == 1 ? "" : "s") + ", nothing imported: " + problems.stream().limit(5)
                .map(ImportProblem::toString).collect(Collectors.joining("; ")) + (total > 5 ? "; …" : ""));
        this.problems = List.copyOf(problems);
        this.total = total;
        this.hints = List.copyOf(hints);
    }

    /** Which option would fix many of the problems; empty when none would. */
    public List<String> hints() {
        return hints;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many problems were found; {@link #problems()} lists the first ones. */
    public long total() {
        return total;
    }
}
