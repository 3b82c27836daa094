package io.pipelens.query.analytics.trend;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;
import java.time.Instant;
import java.util.List;

/**
 * One calendar period [start, end) of a trend (DESIGN §10.2).
 *
 * @param opened  deals opened in the period
 * @param won     deals whose last closing before the end is a win in the period, not reopened before the end
 * @param lost    the same for losses
 * @param winRate won ÷ (won + lost); null when neither
 */
public record TrendPeriod(Instant start, Instant end, int opened, int won, int lost, Double winRate,
                          List<TrendStage> stages) {

    /** The 95% Wilson interval of the win rate; null when no deal closed in the period. */
    public Interval winRateCi() {
        return WilsonInterval.of(won, won + lost);
    }
}
