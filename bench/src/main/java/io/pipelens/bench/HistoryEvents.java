package io.pipelens.bench;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * Turns a generated deal history straight into the events the Deal aggregate would append, so a benchmark can load a
 * million events through the storage engine in batches instead of through the command bus. Only for histories from
 * the demo generator, which obey the deal rules by construction.
 */
final class HistoryEvents {

    private HistoryEvents() {
    }

    static List<DomainEventMessage<?>> of(RecordDealHistoryCommand history) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        String stage = null;
        String pipelineId = null;
        for (DealCommand change : history.changes()) {
            DealEvent event;
            if (change instanceof OpenDealCommand open) {
                pipelineId = open.pipelineId();
                stage = open.stage();
                event = new DealOpenedEvent(open.dealId(), pipelineId, stage, open.attributes(), open.occurredAt());
            } else if (change instanceof MoveDealToStageCommand move) {
                event = new DealMovedToStageEvent(move.dealId(), pipelineId, stage, move.stage(), move.occurredAt());
                stage = move.stage();
            } else if (change instanceof WinDealCommand win) {
                event = new DealWonEvent(win.dealId(), pipelineId, stage, win.occurredAt());
            } else if (change instanceof LoseDealCommand lose) {
                event = new DealLostEvent(lose.dealId(), pipelineId, stage, lose.reason(), lose.occurredAt());
            } else if (change instanceof ReopenDealCommand reopen) {
                stage = reopen.stage();
                event = new DealReopenedEvent(reopen.dealId(), pipelineId, stage, reopen.occurredAt());
            } else {
                throw new IllegalArgumentException("The generator does not produce " + change);
            }
            messages.add(new GenericDomainEventMessage<>("Deal", AggregateIds.deal(history.dealId()),
                    messages.size(), event));
        }
        return messages;
    }
}
