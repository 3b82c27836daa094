package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.processing.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link DealJourney} per deal. How the journeys are read and written (in batches, behind the processor
 * during a replay, into staging until the replay has caught up) is the {@link ReadModel}'s: see
 * {@link JourneyStore#readModel}. The journeys written go on to the analytic indexes.
 */
@Component
@ProcessingGroup(DealJourneyProjection.PROCESSOR)
public class DealJourneyProjection {

    public static final String PROCESSOR = "deal-journey";

    private final ReadModel<DealJourney> journeys;
    private final DealFlowMetrics flowMetrics;

    public DealJourneyProjection(ReadModel<DealJourney> journeys, DealFlowMetrics flowMetrics) {
        this.journeys = journeys;
        this.flowMetrics = flowMetrics;
    }

    @EventHandler
    void on(DealEvent event, @SequenceNumber long sequence, ReplayStatus replayStatus) {
        DealJourney before = journeys.get(event.dealId());
        DealJourney after = JourneyFold.apply(before, event, sequence);
        if (after != before) {
            journeys.put(after);
            if (!replayStatus.isReplay()) {
                flowMetrics.applied(before, event);
            }
        }
    }

    /** A replay builds into staging while the live journeys keep answering: see {@link JourneyStore}. */
    @ResetHandler
    void reset() {
        journeys.reset();
    }
}
