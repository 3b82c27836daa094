package io.pipelens.command;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import java.util.List;

/** A command broke a rule; nothing was appended. Carries every violation found, each naming its field. */
public class CommandRejectedException extends ViolationException {

    public CommandRejectedException(List<Violation> violations) {
        super(violations);
    }

    public CommandRejectedException(String field, String reason) {
        super(field, reason);
    }

    /** Throws when {@code violations} is not empty. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CommandRejectedException(violations);
        }
    }
}
