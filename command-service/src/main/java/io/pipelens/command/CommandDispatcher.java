package io.pipelens.command;

import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a command through the command bus and turns the answer into a {@link CommandResult}. Every API adapter
 * (GraphQL, the batch endpoint) goes through here, so every one answers rule violations the same way. A command that
 * loses an optimistic-concurrency race is retried as {@link ConcurrencyRetry} says, then reported as a conflict.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandGateway commandGateway;
    private final CommandMetrics metrics;

    public CommandDispatcher(CommandGateway commandGateway, CommandMetrics metrics) {
        this.commandGateway = commandGateway;
        this.metrics = metrics;
    }

    public CommandResult dispatch(Object command) {
        return metrics.record(command, send(command));
    }

    private CommandResult send(Object command) {
        Target target = Target.of(command);
        String idProblem = Keys.problemWith(target.id());
        if (idProblem != null) {
            return CommandResult.rejected(target.id(), List.of(new Violation(target.field(), idProblem)));
        }
        try {
            return ConcurrencyRetry.run(
                    () -> CommandResult.accepted(target.id(), commandGateway.<CommandOutcome>sendAndWait(command)),
                    lost -> {
                        metrics.raceLost(command);
                        log.debug("Concurrent change of {} {}", target.noun(), target.id(), lost);
                    },
                    attempts -> CommandResult.rejected(target.id(), List.of(new Violation(target.field(),
                            target.noun() + " '" + target.id() + "' was changed concurrently " + attempts
                                    + " times in a row; retry the command"))));
        } catch (ViolationException e) {
            return CommandResult.rejected(target.id(), e.violations());
        } catch (AggregateNotFoundException e) {
            return CommandResult.rejected(target.id(), List.of(new Violation(target.field(),
                    "no " + target.noun() + " '" + target.id() + "' exists")));
        }
    }

    /** Dispatches and throws the violations, for adapters that report a rejection as an error. */
    public CommandResult dispatchOrThrow(Object command) {
        CommandResult result = dispatch(command);
        if (result.isRejected()) {
            throw new CommandRejectedException(result.violations());
        }
        return result;
    }

    private record Target(String id, String field, String noun) {

        static Target of(Object command) {
            if (command instanceof DealCommand deal) {
                return new Target(deal.dealId(), "dealId", "deal");
            }
            if (command instanceof DefinePipelineCommand define) {
                return new Target(define.pipelineId(), "pipelineId", "pipeline");
            }
            if (command instanceof RedefinePipelineCommand redefine) {
                return new Target(redefine.pipelineId(), "pipelineId", "pipeline");
            }
            throw new IllegalArgumentException("Not a Pipelens command: " + command);
        }
    }
}
