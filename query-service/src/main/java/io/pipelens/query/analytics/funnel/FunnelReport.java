package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;
import java.util.List;

/**
 * A funnel under one pipeline version. Open deals are reported on their own and never counted as failures.
 *
 * @param version the pipeline version the figures were computed under
 * @param deals   deals selected by the population and slice
 * @param winRate won ÷ (won + lost); null when no deal is closed
 */
public record FunnelReport(int version, int deals, int open, int won, int lost, Double winRate,
                           List<FunnelStage> stages) {

    /** The 95% Wilson interval of the win rate; null when no deal is closed. */
    public Interval winRateCi() {
        return WilsonInterval.of(won, won + lost);
    }
}
