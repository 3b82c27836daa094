package io.pipelens.query.analytics.changeimpact;

import io.pipelens.query.analytics.Interval;
import java.time.Instant;

/**
 * Before and after a change at {@code at} (DESIGN §9.4).
 *
 * @param deals                deals counted in either cohort
 * @param winRateDifference    after's win rate within the horizon − before's; null when a cohort has no deals
 * @param winRateDifferenceCi  its 95% Newcombe hybrid score interval (method 10); null with it
 * @param fisherP              Fisher's exact two-sided p on cohort × won within the horizon; null when a cohort has
 *                             no deals
 */
public record ChangeImpactReport(int version, Instant at, int horizonDays, int windowDays, int deals, Cohort before,
                                 Cohort after, Double winRateDifference, Interval winRateDifferenceCi,
                                 Double fisherP) {

    /** What the comparison can and cannot say. */
    public static final String CAVEAT = "A before/after comparison, not an experiment: the deals after the change "
            + "differ from those before in more than the pipeline (season, market, team, lead sources), so a "
            + "difference shows association with the change, not that the change caused it.";

    public String caveat() {
        return CAVEAT;
    }
}
