package io.pipelens.command.deal;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Names the deal a command is for. Axon's annotation-based resolver looks for {@code @TargetAggregateIdentifier} and
 * {@code @TargetAggregateVersion} among the command's fields and methods by reflection on every command, some 10% of
 * a deal command's CPU once the deal is kept in memory; a deal command names its deal by {@code dealId()}, and the
 * aggregate's identifier is {@link AggregateIds#deal} of it, which is what its annotated method returns (no deal
 * command carries an expected version). Any other command goes to Axon's resolver.
 */
@Component("dealTargets")
class DealTargets implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof DealCommand deal) {
            return new VersionedAggregateIdentifier(AggregateIds.deal(deal.dealId()), null);
        }
        if (payload instanceof RecordDealHistoryCommand history) {
            return new VersionedAggregateIdentifier(AggregateIds.deal(history.dealId()), null);
        }
        return annotated.resolveTarget(command);
    }
}
