package io.pipelens.query.pipeline;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Pipeline events as the Pipeline aggregate emits them, at fixed business times. */
public final class PipelineEvents {

    public static final Instant DEFINED_AT = Instant.parse("2026-01-05T08:00:00Z");
    public static final Instant REDEFINED_AT = Instant.parse("2026-02-16T08:00:00Z");

    /** Version 2 of the template without "profiling", which turned out to be an activity. */
    public static final List<StageDefinition> WITHOUT_PROFILING = SolutionSalesTemplate.STAGES.stream()
            .filter(stage -> !stage.key().equals("profiling"))
            .toList();

    private PipelineEvents() {
    }

    public static PipelineDefinedEvent theTemplateDefined(String pipelineId) {
        return new PipelineDefinedEvent(pipelineId, SolutionSalesTemplate.NAME, 1, SolutionSalesTemplate.STAGES,
                DEFINED_AT);
    }

    /** Version 2: "profiling" absorbed, every other key mapped to itself. */
    public static PipelineRedefinedEvent profilingAbsorbed(String pipelineId) {
        List<StageMapping> mapping = new ArrayList<>();
        for (StageDefinition stage : SolutionSalesTemplate.STAGES) {
            mapping.add(stage.key().equals("profiling")
                    ? StageMapping.absorbed(stage.key())
                    : StageMapping.to(stage.key(), stage.key()));
        }
        return new PipelineRedefinedEvent(pipelineId, 2, WITHOUT_PROFILING, mapping, REDEFINED_AT);
    }

    /** The events of one pipeline's stream, numbered from 0. */
    public static List<DomainEventMessage<?>> asMessages(String pipelineId, Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.length; sequence++) {
            messages.add(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipelineId), sequence,
                    events[sequence]));
        }
        return messages;
    }
}
