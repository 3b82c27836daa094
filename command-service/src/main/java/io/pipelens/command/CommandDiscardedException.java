package io.pipelens.command;

/**
 * A command was handled to its decision, and its unit of work was then thrown away on purpose: nothing was appended,
 * and nothing failed. Thrown from within the handling so that the unit of work rolls back; the command bus's monitors
 * ({@link CommandBusMonitors}) count it as ignored, not as a failure. A command its aggregate refuses is no such
 * thing: it throws {@link CommandRejectedException} and counts as a failure.
 * <p>
 * Public so that a slice can say its commands were discarded without the command bus's monitors knowing that slice:
 * the importer's dry run is one.
 */
public abstract class CommandDiscardedException extends RuntimeException {

    /** Without a stack trace: thrown once for every command discarded, as a result, not as an error. */
    protected CommandDiscardedException(String message) {
        super(message, null, false, false);
    }
}
