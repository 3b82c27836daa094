package io.pipelens.command.importing;

import io.pipelens.kernel.deal.DealAttributes;
import java.time.Instant;

/**
 * One valid row, interpreted: which deal, when, and what happened.
 *
 * @param row        its data row or line number
 * @param stage      the stage entered, for {@link Kind#STAGE}
 * @param lostReason the reason, for {@link Kind#LOST}
 */
record ImportRow(long row, String dealId, Instant occurredAt, Kind kind, String stage, DealAttributes attributes,
                 String lostReason) {

    enum Kind {
        STAGE, WON, LOST, IGNORE
    }
}
