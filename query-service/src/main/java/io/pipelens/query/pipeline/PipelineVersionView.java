package io.pipelens.query.pipeline;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.List;

/**
 * One version of a pipeline.
 *
 * @param version       number, from 1
 * @param stages        the ordered stages
 * @param mapping       where each stage key of earlier versions goes (complete; empty for version 1)
 * @param definedAt     business time of the (re)definition
 * @param effectiveFrom when the version took effect: the time the redefinition stated, else {@code definedAt} (also
 *                      for a version stored before the field existed)
 */
public record PipelineVersionView(int version, List<StageDefinition> stages, List<StageMapping> mapping,
                                  Instant definedAt, Instant effectiveFrom) {

    public PipelineVersionView {
        effectiveFrom = effectiveFrom == null ? definedAt : effectiveFrom;
    }

    /** A version effective from when it was defined. */
    public PipelineVersionView(int version, List<StageDefinition> stages, List<StageMapping> mapping,
                               Instant definedAt) {
        this(version, stages, mapping, definedAt, null);
    }
}
