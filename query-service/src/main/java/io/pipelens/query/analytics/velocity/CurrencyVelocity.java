package io.pipelens.query.analytics.velocity;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;

/**
 * Sales velocity in one currency: open deals × average won amount × win rate ÷ average days from open to win, an
 * amount per day. See docs/metrics.md for every definition.
 *
 * @param openDeals          deals open now
 * @param averageWonAmount   mean amount of won deals that have an amount; null when none has
 * @param winRate            won ÷ (won + lost); null when none is closed
 * @param averageDaysToWin   mean of (closedAt − openedAt) in days over won deals; null when none is won
 * @param velocityPerDay     the product of the factors; null when a factor is null or the average days is 0
 */
public record CurrencyVelocity(String currency, int openDeals, int wonDeals, int lostDeals, Double averageWonAmount,
                               Double winRate, Double averageDaysToWin, Double velocityPerDay) {

    /** The 95% Wilson interval of the win rate (DESIGN §9); null when none is closed. */
    public Interval winRateCi() {
        return WilsonInterval.of(wonDeals, wonDeals + lostDeals);
    }
}
