package io.pipelens.query.analytics.api;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.deal.DealJourney;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline version's analytic index and its build state. While the index loads from MongoDB, journeys the
 * projection changes meanwhile are queued and applied, in order, once the load ends: the index then holds every
 * journey at least as new as the collection's.
 */
public final class VersionIndex {

    private final AnalyticIndex index;
    private final List<DealJourney> pending = new ArrayList<>();
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

    synchronized void apply(DealJourney journey) {
        if (ready) {
            index.upsert(journey);
        } else {
            pending.add(journey);
        }
    }

    synchronized void finishLoad() {
        index.upsertAll(pending);
        pending.clear();
        ready = true;
    }

    synchronized void fail(RuntimeException e) {
        failure = e;
    }

    synchronized void clear() {
        index.clear();
        pending.clear();
    }
}
