package io.pipelens.query.quality;

import io.pipelens.kernel.importing.DealLogImportedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link DealLogImportView} per import. Idempotent: the document is replaced by the same document when an event
 * is delivered again or replayed. Imports are one event per file, so one write per event is cheap enough; no batching.
 */
@Component
@ProcessingGroup(DealLogImportProjection.PROCESSOR)
public class DealLogImportProjection {

    public static final String PROCESSOR = "deal-log-imports";

    private final MongoTemplate mongo;

    public DealLogImportProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DealLogImportedEvent event) {
        mongo.save(DealLogImportView.of(event));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DealLogImportView.class);
    }
}
