package io.pipelens.query.pipeline;

/**
 * What follows the stored pipelines: told of each version the projection stores and of a reset, so that what it keeps
 * per version follows. The pipelines do not know who keeps what per version, so features built on them depend on this
 * package and not the other way round.
 */
public interface PipelineListener {

    /** A pipeline was defined or got a new version. */
    void pipelineChanged(PipelineView pipeline);

    /** Every pipeline was dropped, for a replay of the pipeline read model. */
    void pipelinesReset();
}
