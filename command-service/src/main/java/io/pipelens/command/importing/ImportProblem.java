package io.pipelens.command.importing;

/**
 * One thing wrong with an imported file (or a row skipped on purpose).
 *
 * @param row    the data row (1-based, header excluded) or, for NDJSON, the line number; 0 for the file as a whole
 * @param column the column (or option) concerned, or null
 * @param code   why, as a stable kebab-case code ({@link ProblemCode}), such as {@code unknown-activity}
 * @param reason what is wrong, and what was expected
 */
public record ImportProblem(long row, String column, String code, String reason) {

    ImportProblem(long row, String column, ProblemCode code, String reason) {
        this(row, column, code.code(), reason);
    }

    static ImportProblem ofFile(String column, ProblemCode code, String reason) {
        return new ImportProblem(0, column, code, reason);
    }

    @Override
    public String toString() {
        return (row == 0 ? "file" : "row " + row) + (column == null ? "" : ", " + column) + ": " + reason + " ["
                + code + "]";
    }
}
