package io.pipelens.query.analytics.changeimpact;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;
import java.time.Instant;
import java.util.List;

/**
 * The deals opened in one window of a change-impact comparison, each read at its opening + the horizon (DESIGN §9.4).
 *
 * @param openedFrom         first instant of the window (inclusive)
 * @param openedBefore       end of the window (exclusive)
 * @param deals              deals opened in the window with full follow-up: opening + horizon ≤ asOf
 * @param leftOut            deals opened in the window by asOf whose horizon ends after asOf, so not counted
 * @param wonWithinHorizon   deals won at their opening + horizon (inclusive)
 * @param lostWithinHorizon  deals lost at their opening + horizon
 * @param openAtHorizon      deals still open at their opening + horizon
 * @param winRate            wonWithinHorizon ÷ deals; null when there are none
 * @param medianDaysToWin    median (DESIGN §7) of the days from opening to the win, over the deals won within the
 *                           horizon; null when none was
 * @param averageWonAmounts  per currency, the mean amount of the deals won within the horizon that have an amount
 */
public record Cohort(Instant openedFrom, Instant openedBefore, int deals, int leftOut, int wonWithinHorizon,
                     int lostWithinHorizon, int openAtHorizon, Double winRate, Double medianDaysToWin,
                     List<CurrencyAmount> averageWonAmounts) {

    /** The 95% Wilson interval of the win rate (DESIGN §9); null when there are no deals. */
    public Interval winRateCi() {
        return WilsonInterval.of(wonWithinHorizon, deals);
    }
}
