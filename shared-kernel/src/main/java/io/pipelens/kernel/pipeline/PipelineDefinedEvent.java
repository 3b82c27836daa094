package io.pipelens.kernel.pipeline;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A pipeline was defined: its first version, with its ordered stages. */
@Revision("1")
public record PipelineDefinedEvent(String pipelineId, String name, int version, List<StageDefinition> stages,
                                   Instant occurredAt) {
}
