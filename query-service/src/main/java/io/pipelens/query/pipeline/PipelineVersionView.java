package io.pipelens.query.pipeline;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.List;

/**
 * One version of a pipeline.
 *
 * @param version   number, from 1
 * @param stages    the ordered stages
 * @param mapping   where each stage key of earlier versions goes (complete; empty for version 1)
 * @param definedAt business time of the (re)definition
 */
public record PipelineVersionView(int version, List<StageDefinition> stages, List<StageMapping> mapping,
                                  Instant definedAt) {
}
