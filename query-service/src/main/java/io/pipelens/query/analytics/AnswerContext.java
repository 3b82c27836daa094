package io.pipelens.query.analytics;

import io.pipelens.query.deal.JourneyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an answer was computed over, and as of when: {@code asOf} (to the millisecond), the last deal event at or
 * before it, and a note when asOf lies far past that event (DESIGN §10.1).
 */
public record AnswerContext(String pipelineId, int version, Population population, Slice filter, int deals,
                            String note, AnalyticsRegistry.Rebuild rebuilding, JourneyStore.Replay replay,
                            Instant asOf, Instant lastEventAt) {

    /** @param selectionNote what to say about the selection itself (no deal matched), or null */
    public static AnswerContext of(String pipelineId, AnalyticsRegistry.Selected selected, Population population,
                                   Slice filter, int deals, String selectionNote, JourneyStore.Replay replay,
                                   Instant asOf) {
        Instant at = asOf.truncatedTo(ChronoUnit.MILLIS);
        Instant lastEventAt = selected.index().lastEventAt(at);
        String historyNote = HistoryEnd.note(at, lastEventAt);
        String note = selectionNote == null ? historyNote
                : historyNote == null ? selectionNote : selectionNote + "; " + historyNote;
        return new AnswerContext(pipelineId, selected.index().version().number(), population, filter, deals,
                note, selected.rebuilding(), replay, at, lastEventAt);
    }
}
