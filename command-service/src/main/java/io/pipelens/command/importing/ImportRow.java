package io.pipelens.command.importing;

import io.pipelens.kernel.deal.DealAttributes;
import java.time.Instant;
import java.util.List;

/**
 * One valid row, interpreted: which deal, when, and what happened.
 *
 * @param row        its data row or line number
 * @param stage      the stage entered, for {@link Kind#STAGE}
 * @param lostReason the reason, for {@link Kind#LOST}
 * @param confirmedCriteria the exit criteria of the stage left that were confirmed; null when not recorded
 */
record ImportRow(long row, String dealId, Instant occurredAt, Kind kind, String stage, DealAttributes attributes,
                 String lostReason, List<String> confirmedCriteria) {

    enum Kind {
        STAGE, WON, LOST, IGNORE
    }
}
