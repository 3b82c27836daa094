package io.pipelens.command.deal;

import io.pipelens.command.CommandDispatcher;
import io.pipelens.command.CommandResult;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations on deals. The inputs bind straight onto the command records. */
@Controller
public class DealMutations {

    private final CommandDispatcher dispatcher;

    public DealMutations(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @MutationMapping
    public CommandResult openDeal(@Argument OpenDealCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @MutationMapping
    public CommandResult moveDealToStage(@Argument MoveDealToStageCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @MutationMapping
    public CommandResult winDeal(@Argument WinDealCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @MutationMapping
    public CommandResult loseDeal(@Argument LoseDealCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @MutationMapping
    public CommandResult reopenDeal(@Argument ReopenDealCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @MutationMapping
    public CommandResult changeDealAttributes(@Argument ChangeDealAttributesCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }
}
