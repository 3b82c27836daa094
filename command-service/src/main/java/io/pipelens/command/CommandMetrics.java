package io.pipelens.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelens.kernel.Violation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Counts dispatched commands by kind and outcome: {@code pipelens_commands_total{command, outcome, reason}} in
 * Prometheus (docs/metrics-contract.md), and the optimistic-concurrency races they lose,
 * {@code pipelens_command_races_total{command}}. Every label is low-cardinality by construction: {@code command} is the
 * mutation name, {@code outcome} one of three words and {@code reason} the input field of the first violation with
 * list indexes removed — never an id, a stage key or any other value a client sent.
 */
@Component
public class CommandMetrics {

    static final String NAME = "pipelens.commands";
    static final String RACES = "pipelens.command.races";
    static final String NO_REASON = "none";
    static final String OTHER_REASON = "other";

    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\[]|\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final int MAX_REASON_LENGTH = 64;

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one command's result and hands it back unchanged. */
    public CommandResult record(Object command, CommandResult result) {
        Counter.builder(NAME)
                .description("Commands dispatched, by kind and outcome; rejections by the field they concern")
                .tag("command", commandName(command))
                .tag("outcome", result.isRejected() ? "rejected" : result.outcome().name().toLowerCase(Locale.ROOT))
                .tag("reason", reason(result))
                .register(registry)
                .increment();
        return result;
    }

    /**
     * Counts one lost optimistic-concurrency race of a command, about to be retried (or, after the last attempt,
     * answered as a conflict): {@code pipelens_command_races_total{command}}.
     */
    public void raceLost(Object command) {
        Counter.builder(RACES)
                .description("Optimistic-concurrency races lost by commands: another instance appended to the same"
                        + " aggregate first")
                .tag("command", commandName(command))
                .register(registry)
                .increment();
    }

    /** {@code MoveDealToStageCommand} → {@code moveDealToStage}: the mutation and batch item type of the command. */
    static String commandName(Object command) {
        String name = command.getClass().getSimpleName();
        if (name.endsWith("Command") && name.length() > "Command".length()) {
            name = name.substring(0, name.length() - "Command".length());
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * For a rejection, its first violation's field with list indexes removed ({@code stages[3].key} →
     * {@code stages[].key}), or "other" when that is no plain field path; "none" for an accepted command.
     */
    static String reason(CommandResult result) {
        if (!result.isRejected()) {
            return NO_REASON;
        }
        List<Violation> violations = result.violations();
        String field = violations.isEmpty() || violations.get(0).field() == null
                ? "" : LIST_INDEX.matcher(violations.get(0).field()).replaceAll("[]");
        return field.length() <= MAX_REASON_LENGTH && FIELD_PATH.matcher(field).matches() ? field : OTHER_REASON;
    }
}
