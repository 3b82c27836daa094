package io.pipelens.query.analytics;

import io.pipelens.query.deal.DealJourney;

/**
 * One pipeline version's analytic index and its build state. While the index loads from MongoDB, journeys the
 * projection changes meanwhile go into it too: {@link AnalyticIndex#upsert} keeps the newest journey of each deal by
 * sequence number, so the load and the live feed may overlap in any order and the index ends current.
 */
public final class VersionIndex {

    private final AnalyticIndex index;
    private volatile boolean ready;
    private volatile long expected;
    private volatile long loaded;
    private volatile RuntimeException failure;

    VersionIndex(String pipelineId, AnalyticVersion version) {
        this.index = new AnalyticIndex(pipelineId, version);
    }

    public String pipelineId() {
        return index.pipelineId();
    }

    public AnalyticVersion version() {
        return index.version();
    }

    AnalyticIndex index() {
        return index;
    }

    public boolean isReady() {
        return ready;
    }

    /** Share of the deals loaded, 0 to 1; 1 once ready. */
    public double progress() {
        if (ready) {
            return 1.0;
        }
        long total = expected;
        return total <= 0 ? 0.0 : Math.min(1.0, loaded / (double) total);
    }

    public RuntimeException failure() {
        return failure;
    }

    void expect(long deals) {
        expected = deals;
    }

    void load(DealJourney journey) {
        index.upsert(journey);
        loaded++;
    }

    void apply(DealJourney journey) {
        index.upsert(journey);
    }

    void finishLoad() {
        ready = true;
    }

    void fail(RuntimeException e) {
        failure = e;
    }

    void clear() {
        index.clear();
    }
}
