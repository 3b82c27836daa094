package io.pipelens.command.importing;

import io.pipelens.kernel.Violation;
import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param rowsRead            data rows (NDJSON: non-blank lines) read from the file
 * @param rowsSkipped         rows that added nothing: no-op stage rows, ignored activities, repeated closes and, with
 *                            skipBadRows, invalid rows
 * @param skipped             the skipped rows with their codes and reasons (the first {@value ProblemList#LISTED})
 * @param skippedByCode       every skipped row counted by its code ({@link ProblemCode}), the unlisted ones included
 * @param deals               deals the file holds
 * @param dryRun              true when nothing was appended on purpose; the counts say what an import would do
 * @param transitionsAppended changes that appended an event (in a dry run: that would)
 * @param duplicates          changes already recorded (an earlier import of the same rows), appended nothing
 * @param rejectedDeals       deals whose history contradicts what the event store holds, each with its violations
 *                            (with skipBadRows, or when the store changed between the check and the append);
 *                            nothing was appended for them
 * @param elapsedMillis       from the first byte read to the last deal recorded
 * @param transitionsPerSecond appended and duplicate changes handled per second
 * @param importId            the id this import is recorded under (stream {@code import:<importId>}), or null when
 *                            nothing was recorded: a dry run, or an import that appended and skipped nothing
 */
public record ImportSummary(boolean dryRun, long rowsRead, long rowsSkipped, List<ImportProblem> skipped,
                            Map<String, Long> skippedByCode, int deals, long transitionsAppended, long duplicates,
                            List<RejectedDeal> rejectedDeals, long elapsedMillis, double transitionsPerSecond,
                            String importId, List<String> hints) {

    /** A deal whose history the event store refused as a whole, and why. */
    public record RejectedDeal(String dealId, List<Violation> violations) {
    }
}
