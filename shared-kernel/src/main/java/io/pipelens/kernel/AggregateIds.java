package io.pipelens.kernel;

/**
 * Deals and pipelines share one event store, whose streams are keyed by aggregate identifier alone. Prefixing the
 * identifier with the aggregate type keeps a deal and a pipeline that happen to share an id in separate streams.
 */
public final class AggregateIds {

    private AggregateIds() {
    }

    public static String deal(String dealId) {
        return "deal:" + dealId;
    }

    public static String pipeline(String pipelineId) {
        return "pipeline:" + pipelineId;
    }

    public static String dealLogImport(String importId) {
        return "import:" + importId;
    }
}
