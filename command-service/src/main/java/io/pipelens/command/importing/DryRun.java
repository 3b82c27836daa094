package io.pipelens.command.importing;

import io.pipelens.command.CommandDiscardedException;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs a command to its decision against the aggregate's current state, then throws its unit of work away: a command
 * marked with {@link #KEY} in its metadata is handled as usual, and its result is thrown as {@link Completed}, which
 * rolls the unit of work back so nothing is appended. The importer uses it to check every deal against the event
 * store before it records any of them. A completed dry run is a {@link CommandDiscardedException}, so the command bus's
 * monitors count it as ignored; a dry run the aggregate refuses throws its rejection and counts as a failure.
 */
@Component
class DryRun implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Metadata key that marks a command as a dry run. */
    public static final String KEY = "pipelens.dryRun";

    public DryRun(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    /** {@code command} marked as a dry run. */
    public static CommandMessage<?> of(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(KEY, Boolean.TRUE));
    }

    static boolean isDryRun(CommandMessage<?> message) {
        return Boolean.TRUE.equals(message.getMetaData().get(KEY));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (isDryRun(unitOfWork.getMessage())) {
            throw new Completed(result);
        }
        return result;
    }

    /** The result a dry-run command would have had; thrown so that its unit of work rolls back. */
    static final class Completed extends CommandDiscardedException {

        private final transient Object result;

        public Completed(Object result) {
            super("dry run completed");
            this.result = result;
        }

        public Object result() {
            return result;
        }
    }
}
