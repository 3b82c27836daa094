package io.pipelens.command.pipeline;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a pipeline's few events straight from the event store for every deal command. This is always consistent with
 * the latest redefinition and, unlike loading the Pipeline aggregate, takes no lock, so deal commands on different
 * deals of one pipeline do not wait for each other.
 */
@Component
public class EventStorePipelineCatalog implements PipelineCatalog {

    private final EventStore eventStore;

    public EventStorePipelineCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<CurrentVersion> current(String pipelineId) {
        if (pipelineId == null) {
            return Optional.empty();
        }
        PipelineHistory history = new PipelineHistory();
        eventStore.readEvents(AggregateIds.pipeline(pipelineId)).asStream().forEach(message -> {
            Object payload = message.getPayload();
            if (payload instanceof PipelineDefinedEvent defined) {
                history.apply(defined);
            } else if (payload instanceof PipelineRedefinedEvent redefined) {
                history.apply(redefined);
            }
        });
        return history.isDefined()
                ? Optional.of(new CurrentVersion(history.currentVersion(), history.current()))
                : Optional.empty();
    }
}
