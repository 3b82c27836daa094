package io.pipelens.command.importing;

import java.util.List;
import java.util.stream.Collectors;

/** The file was refused before anything was appended; carries every problem found (the first ones when many). */
public class ImportRejectedException extends RuntimeException {

    private final transient List<ImportProblem> problems;
    private final long total;

    public ImportRejectedException(List<ImportProblem> problems, long total) {
        super(total + " problem" + (total == 1 ? "" : "s") + ", nothing imported: " + problems.stream().limit(5)
                .map(ImportProblem::toString).collect(Collectors.joining("; ")) + (total > 5 ? "; …" : ""));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many problems were found; {@link #problems()} lists the first ones. */
    public long total() {
        return total;
    }
}
