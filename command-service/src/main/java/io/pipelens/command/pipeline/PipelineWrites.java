package io.pipelens.command.pipeline;

import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The write path of pipeline definitions: once a definition or redefinition commits, the catalog's kept version of
 * that pipeline is stale, so the next deal command reads the new version. After the commit, not before: a
 * redefinition that is refused or rolled back changes nothing, and a command reading the store before the commit
 * would fold the old version again.
 */
@Component
class PipelineWrites implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStorePipelineCatalog catalog;

    PipelineWrites(CommandBus commandBus, EventStorePipelineCatalog catalog) {
        this.catalog = catalog;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String pipelineId = pipelineOf(unitOfWork.getMessage().getPayload());
        if (pipelineId != null) {
            unitOfWork.afterCommit(committed -> catalog.changed(pipelineId));
        }
        return chain.proceed();
    }

    private static String pipelineOf(Object command) {
        if (command instanceof DefinePipelineCommand define) {
            return define.pipelineId();
        }
        if (command instanceof RedefinePipelineCommand redefine) {
            return redefine.pipelineId();
        }
        return null;
    }
}
