package io.pipelens.bench;

import io.pipelens.demo.DemoHistories;
import io.pipelens.demo.DemoHistoryCheck;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;

/**
 * Turns a generated deal history straight into the events the Deal aggregate would append, so a benchmark can load a
 * million events through the storage engine in batches instead of through the command bus. Only for histories from
 * the demo generator, which obey the deal rules by construction.
 */
final class HistoryEvents {

    private HistoryEvents() {
    }

    static List<DomainEventMessage<?>> of(RecordDealHistoryCommand history) {
        return of(history, event -> MetaData.emptyInstance());
    }

    /** As {@link #of(RecordDealHistoryCommand)}, each event carrying the metadata {@code metaData} gives it. */
    static List<DomainEventMessage<?>> of(RecordDealHistoryCommand history, Function<DealEvent, MetaData> metaData) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (DealEvent event : DemoHistoryCheck.expectedEvents(history)) {
            messages.add(new GenericDomainEventMessage<>("Deal", AggregateIds.deal(history.dealId()),
                    messages.size(), event, metaData.apply(event)));
        }
        return messages;
    }

    /** What {@link #appendDemo} appended: the events, the pipeline's included, and the deals. */
    record Appended(long events, int deals) {
    }

    /**
     * Appends the definition of pipeline {@code pipelineId} (the 9-stage template, version 1) and then generated deals
     * of {@code seed}, in batches of about 2,000 events, for as long as {@code more} holds of the events and deals
     * appended so far.
     */
    static Appended appendDemo(EventStorageEngine engine, String pipelineId, String name, long seed, Instant asOf,
                               BiPredicate<Long, Integer> more) {
        engine.appendEvents(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipelineId), 0,
                new PipelineDefinedEvent(pipelineId, name, 1, SolutionSalesTemplate.STAGES,
                        asOf.minus(Duration.ofDays(800)))));
        DemoHistories histories = new DemoHistories(pipelineId, seed, asOf);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long count = 1;
        int deals = 0;
        while (more.test(count + batch.size(), deals)) {
            batch.addAll(of(histories.deal(deals++)));
            if (batch.size() >= 2000) {
                engine.appendEvents(batch);
                count += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            count += batch.size();
        }
        return new Appended(count, deals);
    }
}
