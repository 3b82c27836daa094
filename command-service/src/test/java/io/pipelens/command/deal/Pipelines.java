package io.pipelens.command.deal;

import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A pipeline catalog for deal tests: a few pipelines at a chosen version, with no event store behind them. */
final class Pipelines implements PipelineCatalog {

    private final Map<String, CurrentVersion> current = new HashMap<>();

    private Pipelines() {
    }

    /** One pipeline, at version 1, with the nine stages of the Solution Sales template. */
    static Pipelines withTemplate(String pipelineId) {
        return new Pipelines().and(pipelineId, 1, SolutionSalesTemplate.definition());
    }

    /** Makes {@code version}, whose stages have the given keys, the current version of the pipeline. */
    Pipelines redefine(String pipelineId, int version, String... stageKeys) {
        return and(pipelineId, version, new PipelineDefinition(Arrays.stream(stageKeys)
                .map(key -> new StageDefinition(key, key, null, null, null)).toList()));
    }

    private Pipelines and(String pipelineId, int version, PipelineDefinition definition) {
        current.put(pipelineId, new CurrentVersion(version, definition));
        return this;
    }

    @Override
    public Optional<CurrentVersion> current(String pipelineId) {
        return Optional.ofNullable(current.get(pipelineId));
    }
}
