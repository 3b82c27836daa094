package io.pipelens.query.pipeline;

import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps every version of every pipeline. Idempotent: a version already present is not added again. */
@Component
@ProcessingGroup(PipelineProjection.PROCESSOR)
public class PipelineProjection {

    public static final String PROCESSOR = "pipelines";

    private final MongoTemplate mongo;
    private final PipelineListener analytics;

    public PipelineProjection(MongoTemplate mongo, PipelineListener analytics) {
        this.mongo = mongo;
        this.analytics = analytics;
    }

    @EventHandler
    void on(PipelineDefinedEvent event) {
        if (mongo.findById(event.pipelineId(), PipelineView.class) != null) {
            return;
        }
        PipelineView pipeline = new PipelineView(event.pipelineId(), event.name(), List.of(
                new PipelineVersionView(1, event.stages(), List.of(), event.occurredAt())));
        mongo.save(pipeline);
        analytics.pipelineChanged(pipeline);
    }

    @EventHandler
    void on(PipelineRedefinedEvent event) {
        PipelineView pipeline = mongo.findById(event.pipelineId(), PipelineView.class);
        if (pipeline == null) {
            throw new IllegalStateException("Pipeline " + event.pipelineId() + " redefined before it was defined");
        }
        if (pipeline.currentVersion() >= event.version()) {
            return;
        }
        List<PipelineVersionView> versions = new ArrayList<>(pipeline.versions());
        versions.add(new PipelineVersionView(event.version(), event.stages(), event.mapping(), event.occurredAt(),
                event.effectiveFrom()));
        PipelineView redefined = new PipelineView(pipeline.id(), pipeline.name(), versions);
        mongo.save(redefined);
        analytics.pipelineChanged(redefined);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(PipelineView.class);
        analytics.pipelinesReset();
    }
}
