package io.pipelens.command.importing;

/**
 * One thing wrong with an imported file.
 *
 * @param row    the data row (1-based, header excluded) or, for NDJSON, the line number; 0 for the file as a whole
 * @param column the column (or option) concerned, or null
 * @param reason what is wrong, and what was expected
 */
public record ImportProblem(long row, String column, String reason) {

    static ImportProblem ofFile(String column, String reason) {
        return new ImportProblem(0, column, reason);
    }

    @Override
    public String toString() {
        return (row == 0 ? "file" : "row " + row) + (column == null ? "" : ", " + column) + ": " + reason;
    }
}
