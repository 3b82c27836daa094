package io.pipelens.kernel.pipeline;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline got a new version. {@code mapping} is complete: it names every stage key of every earlier version, so
 * readers never have to infer where an old key went.
 */
@Revision("1")
public record PipelineRedefinedEvent(String pipelineId, int version, List<StageDefinition> stages,
                                     List<StageMapping> mapping, Instant occurredAt) {
}
