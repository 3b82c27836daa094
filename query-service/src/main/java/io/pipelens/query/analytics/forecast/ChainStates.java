package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.VersionedJourney;

/**
 * The states of the forecast's chain (DESIGN §10.4) and a deal's state at an instant. Open states are numbered
 * (stage position − 1) × 4 + age band, for the bands of the current visit's age [0, 7), [7, 30), [30, 90) and ≥ 90
 * days; WON and LOST follow them.
 *
 * <p>A deal's state at w is read from its versioned path alone: not yet opened (no state), won or lost as it stood at
 * w (inclusive, reopenings included), open in no stage of the version (no state either: it has visited absorbed stages
 * only by then, DESIGN §10.1), else the stage of its last visit entered at or before w, aged from that visit's entry.
 * A deal in no stage at w is neither a training pair's start nor a prediction at w: the chain has no state for it.
 */
final class ChainStates {

    /** The deal did not exist at the instant. */
    static final int NONE = -1;
    /** The deal was open at the instant in no stage of the version: it had visited absorbed stages only. */
    static final int NO_STAGE = -2;
    static final int BANDS = 4;
    static final String[] BAND_NAMES = {"DAYS_0_7", "DAYS_7_30", "DAYS_30_90", "DAYS_90_PLUS"};

    private static final long DAY = 86_400_000L;
    private static final long[] BAND_ENDS = {7 * DAY, 30 * DAY, 90 * DAY};

    private final int open;

    ChainStates(int stageCount) {
        this.open = stageCount * BANDS;
    }

    /** Open (transient) states. */
    int open() {
        return open;
    }

    /** True for an open (transient) state: not {@link #NONE}, {@link #NO_STAGE}, WON or LOST. */
    boolean isOpen(int state) {
        return state >= 0 && state < open;
    }

    int won() {
        return open;
    }

    int lost() {
        return open + 1;
    }

    /** All states, WON and LOST included. */
    int size() {
        return open + 2;
    }

    static int position(int state) {
        return state / BANDS + 1;
    }

    static int band(int state) {
        return state % BANDS;
    }

    static int band(long ageMillis) {
        int band = 0;
        while (band < BAND_ENDS.length && ageMillis >= BAND_ENDS[band]) {
            band++;
        }
        return band;
    }

    /** The deal's state at {@code at}: {@link #NONE} before its opening, {@link #NO_STAGE} while open in no stage. */
    int stateAt(VersionedJourney deal, long at) {
        if (deal.openedAt() > at) {
            return NONE;
        }
        Outcome outcome = deal.outcomeAt(at);
        if (outcome == Outcome.WON) {
            return won();
        }
        if (outcome == Outcome.LOST) {
            return lost();
        }
        if (deal.inStageFrom() > at) {
            return NO_STAGE;
        }
        int visit = currentVisit(deal, at);
        return (deal.stageAt(visit) - 1) * BANDS + band(at - deal.enteredAt(visit));
    }

    /** Age in milliseconds of the deal's current visit at {@code at}; the deal must be open then. */
    static long ageAt(VersionedJourney deal, long at) {
        return at - deal.enteredAt(currentVisit(deal, at));
    }

    /** The last visit entered at or before {@code at}: visits are in recorded order and their entries never decrease. */
    private static int currentVisit(VersionedJourney deal, long at) {
        int visit = deal.visitCount() - 1;
        while (visit > 0 && deal.enteredAt(visit) > at) {
            visit--;
        }
        return visit;
    }
}
