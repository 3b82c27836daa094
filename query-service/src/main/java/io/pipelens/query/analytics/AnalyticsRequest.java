package io.pipelens.query.analytics;

import io.pipelens.query.deal.JourneyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One analytics query's arguments, checked, with the analytic index they select: what every feature's controller
 * computes over and states in its answer's {@link AnswerContext}. Made by {@link AnalyticsRequests}.
 *
 * @param asOf the asked time, or the time of the query; to the millisecond, as business time is
 */
public record AnalyticsRequest(String pipelineId, AnalyticsRegistry.Selected selected, Population population,
                               Slice slice, JourneyStore.Replay replay, Instant asOf) {

    public AnalyticIndex index() {
        return selected.index();
    }

    public AnalyticVersion version() {
        return selected.index().version();
    }

    /** The index's deals as they stood at asOf, from their events up to then alone (DESIGN §10.1). */
    public Iterable<VersionedJourney> deals() {
        return selected.index().dealsAsOf(asOf);
    }

    /** The context of an answer over {@code deals} deals; says why when none is selected. */
    public AnswerContext context(int deals) {
        return context(deals, deals == 0 ? note(slice) : null);
    }

    /** @param selectionNote what to say about the selection itself, or null */
    public AnswerContext context(int deals, String selectionNote) {
        return AnswerContext.of(pipelineId, selected, population, slice, deals, selectionNote, replay, asOf);
    }

    private static String note(Slice slice) {
        List<String> given = new ArrayList<>();
        if (slice.owner() != null) {
            given.add("owner '" + slice.owner() + "'");
        }
        if (slice.source() != null) {
            given.add("source '" + slice.source() + "'");
        }
        if (slice.segment() != null) {
            given.add("segment '" + slice.segment() + "'");
        }
        return given.isEmpty() ? "no deal of the pipeline falls in the population"
                : "no deal of the pipeline in the population has " + String.join(" and ", given);
    }
}
