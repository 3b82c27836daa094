package io.pipelens.command.api;

import io.pipelens.command.CommandRejectedException;
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
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a command through the command bus and turns the answer into a {@link CommandResult}. Every API adapter
 * (GraphQL, the batch endpoint) goes through here, so every one answers rule violations the same way. A command that
 * loses an optimistic-concurrency race is retried on the fresh state a few times, then reported as a conflict. In one
 * process Axon's per-aggregate lock keeps commands on one deal apart; the race happens between command-service
 * instances, where the event store's unique (aggregate, sequence) index refuses the second append: as a
 * {@link ConcurrencyException}, or as an {@link AggregateStreamCreationException} when both created the aggregate.
 */
@Component
public class CommandDispatcher {

    static final int ATTEMPTS = 3;
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
        for (int attempt = 1; ; attempt++) {
            try {
                CommandOutcome outcome = commandGateway.sendAndWait(command);
                return CommandResult.accepted(target.id(), outcome);
            } catch (ViolationException e) {
                return CommandResult.rejected(target.id(), e.violations());
            } catch (AggregateNotFoundException e) {
                return CommandResult.rejected(target.id(), List.of(new Violation(target.field(),
                        "no " + target.noun() + " '" + target.id() + "' exists")));
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                metrics.raceLost(command);
                if (attempt == ATTEMPTS) {
                    return CommandResult.rejected(target.id(), List.of(new Violation(target.field(),
                            target.noun() + " '" + target.id() + "' was changed concurrently " + ATTEMPTS
                                    + " times in a row; retry the command")));
                }
                log.debug("Concurrent change of {} {}, attempt {}", target.noun(), target.id(), attempt, e);
            }
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
