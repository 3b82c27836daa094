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

    /** The same violations with every field name prefixed, to point into a list the command was part of. */
    public CommandRejectedException prefixed(String prefix) {
        return new CommandRejectedException(violations().stream()
                .map(v -> new Violation(prefix + v.field(), v.reason()))
                .toList());
    }

    /** Throws when {@code violations} is not empty. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CommandRejectedException(violations);
        }
    }
}
