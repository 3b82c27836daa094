package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.api.AnalyticsRegistry;
import io.pipelens.query.metrics.DealFlowMetrics;
import io.pipelens.query.projection.DocumentBatch;
import io.pipelens.query.projection.MongoDocumentStore;
import java.util.Collection;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link DealJourney} per deal, in batches: one read and one bulk write per batch of events. The journeys
 * written go on to the analytic indexes.
 */
@Component
@ProcessingGroup(DealJourneyProjection.PROCESSOR)
public class DealJourneyProjection {

    public static final String PROCESSOR = "deal-journey";
    private static final String BATCH = DealJourneyProjection.class.getName() + ".batch";

    private final MongoTemplate mongo;
    private final AnalyticsRegistry analytics;
    private final DealFlowMetrics flowMetrics;
    private final DocumentBatch.DocumentStore<DealJourney> store;

    public DealJourneyProjection(MongoTemplate mongo, AnalyticsRegistry analytics, DealFlowMetrics flowMetrics) {
        this.mongo = mongo;
        this.analytics = analytics;
        this.flowMetrics = flowMetrics;
        MongoDocumentStore<DealJourney> journeys = new MongoDocumentStore<>(mongo, DealJourney.class, DealJourney::id);
        this.store = new DocumentBatch.DocumentStore<>() {
            @Override
            public Map<String, DealJourney> load(Collection<String> ids) {
                return journeys.load(ids);
            }

            @Override
            public void upsertAll(Collection<DealJourney> documents) {
                journeys.upsertAll(documents);
                analytics.journeysChanged(documents);
            }
        };
    }

    @EventHandler
    void on(DealEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork, ReplayStatus replayStatus) {
        DocumentBatch<DealJourney> batch = DocumentBatch.of(unitOfWork, BATCH, store,
                payload -> payload instanceof DealEvent deal ? deal.dealId() : null);
        DealJourney before = batch.get(event.dealId());
        DealJourney after = JourneyFold.apply(before, event, sequence);
        if (after != before) {
            batch.put(after.id(), after);
            if (!replayStatus.isReplay()) {
                flowMetrics.applied(before, event);
            }
        }
        batch.flushIfLast(unitOfWork);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DealJourney.class);
        analytics.journeysReset();
    }
}
