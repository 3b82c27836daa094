package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.query.processing.DocumentBatch;
import io.pipelens.query.processing.WriteBehind;
import java.util.Collection;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link DealJourney} per deal, in batches: one read and one bulk write per batch of events. The journeys
 * written go on to the analytic indexes. A replay rebuilds into staging, switched in once it has caught up, and
 * writes behind the processor ({@link WriteBehind}) under Axon's tracking processor.
 */
@Component
@ProcessingGroup(DealJourneyProjection.PROCESSOR)
public class DealJourneyProjection {

    public static final String PROCESSOR = "deal-journey";
    private static final String BATCH = DealJourneyProjection.class.getName() + ".batch";
    /** Where Axon's tracking processor puts the segment of a batch among the unit of work's resources. */
    static final String SEGMENT = "Processor[" + PROCESSOR + "]/SegmentId";

    private final JourneyStore journeys;
    private final DealFlowMetrics flowMetrics;
    private final DocumentBatch.DocumentStore<DealJourney> store;
    private final WriteBehind<DealJourney> writes;

    public DealJourneyProjection(JourneyStore journeys, DealFlowMetrics flowMetrics, WriteBehind<DealJourney> writes) {
        this.journeys = journeys;
        this.flowMetrics = flowMetrics;
        this.writes = writes;
        this.store = new DocumentBatch.DocumentStore<>() {
            @Override
            public Map<String, DealJourney> load(Collection<String> ids) {
                return journeys.load(ids);
            }

            @Override
            public Map<String, DealJourney> loadExactly(Collection<String> ids) {
                return journeys.loadExactly(ids);
            }

            @Override
            public void upsertAll(Collection<DealJourney> documents) {
                journeys.upsertAll(documents);
            }
        };
    }

    @EventHandler
    void on(DealEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork, ReplayStatus replayStatus) {
        // A replay's batches are written behind the processor: nothing reads staging until the switch, which waits
        // for every segment's token, stored after its writes. Live batches wait for their write, so a position the
        // processor reports is readable.
        Integer segment = unitOfWork.root().getResource(SEGMENT);
        DocumentBatch<DealJourney> batch = DocumentBatch.of(unitOfWork, BATCH, store,
                payload -> payload instanceof DealEvent deal ? deal.dealId() : null,
                segment == null ? null : writes.lane(segment), journeys.replay() != null);
        DealJourney before = batch.get(event.dealId());
        if (before == null && !(event instanceof DealOpenedEvent)) {
            // Only a deal's opening event can come first: its journey was written by another instance (one that
            // handled this segment earlier in the replay), which the batch's first read skips. Ask for it.
            before = batch.reload(event.dealId());
        }
        DealJourney after = JourneyFold.apply(before, event, sequence);
        if (after != before) {
            batch.put(after.id(), after);
            if (!replayStatus.isReplay()) {
                flowMetrics.applied(before, event);
            }
        }
        if (batch.flushIfLast(unitOfWork) && unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
            tracked.trackingToken().position().ifPresent(journeys::handledUpTo);
        }
    }

    /** A replay builds into staging while the live journeys keep answering: see {@link JourneyStore}. */
    @ResetHandler
    void reset() {
        // Axon fetched the tokens before this (the lanes saw the live positions) and stores the replay's after it.
        writes.forgetStoredPositions();
        journeys.reset();
    }
}
