package io.pipelens.command;

import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Violation;
import java.util.List;

/**
 * What became of one command: applied, a duplicate of a change already recorded, or rejected with its violations.
 *
 * @param id         the deal or pipeline the command addressed
 * @param outcome    APPLIED or DUPLICATE when accepted; null when rejected
 * @param violations why it was rejected; empty when accepted
 */
public record CommandResult(String id, CommandOutcome outcome, List<Violation> violations) {

    static CommandResult accepted(String id, CommandOutcome outcome) {
        return new CommandResult(id, outcome, List.of());
    }

    public static CommandResult rejected(String id, List<Violation> violations) {
        return new CommandResult(id, null, List.copyOf(violations));
    }

    public boolean isRejected() {
        return outcome == null;
    }
}
