package io.pipelens.query.analytics.funnel;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.WilsonInterval;

/**
 * One stage of a funnel; see docs/metrics.md for every definition. Ratios, and their 95% Wilson intervals (DESIGN
 * §9), are null when their denominator is 0.
 *
 * @param reached                  deals with highest position ≥ this one (implied pass-through)
 * @param visited                  deals with a visit to this stage
 * @param skipped                  deals with highest position beyond this one and no visit to it
 * @param openAt                   open deals whose current visit is this stage
 * @param lostAt                   lost deals whose last visit was this stage
 * @param wonFrom                  won deals whose last visit was this stage
 * @param progressed               deals with highest position beyond this one, or won from it
 * @param progressedStrict         the deals of {@code progressed} that visited this stage
 * @param stageConversion          progressed ÷ reached
 * @param strictStageConversion    progressedStrict ÷ visited
 * @param resolvedConversion       progressed ÷ (progressed + lostAt)
 * @param strictResolvedConversion progressedStrict ÷ (progressedStrict + lostAt)
 */
public record FunnelStage(int position, String key, int reached, int visited, int skipped, int openAt, int lostAt,
                          int wonFrom, int progressed, int progressedStrict, Double stageConversion,
                          Double strictStageConversion, Double resolvedConversion, Double strictResolvedConversion) {

    /** Deals counted at the stage under {@code policy}: reached (implied) or visited (strict). */
    public int counted(FunnelPolicy policy) {
        return policy == FunnelPolicy.STRICT ? visited : reached;
    }

    public Double stageConversion(FunnelPolicy policy) {
        return policy == FunnelPolicy.STRICT ? strictStageConversion : stageConversion;
    }

    public Double resolvedConversion(FunnelPolicy policy) {
        return policy == FunnelPolicy.STRICT ? strictResolvedConversion : resolvedConversion;
    }

    public Interval stageConversionCi() {
        return WilsonInterval.of(progressed, reached);
    }

    public Interval strictStageConversionCi() {
        return WilsonInterval.of(progressedStrict, visited);
    }

    public Interval resolvedConversionCi() {
        return WilsonInterval.of(progressed, progressed + lostAt);
    }

    public Interval strictResolvedConversionCi() {
        return WilsonInterval.of(progressedStrict, progressedStrict + lostAt);
    }
}
