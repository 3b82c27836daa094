package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.Interval;

/**
 * Skip impact of one stage adjusted for deal attributes (DESIGN §9.2): the deals of the stage's §7 table (closed
 * deals whose highest position is beyond the stage) are split into strata, strata where the skipped or the visited
 * group is empty are dropped, and the Mantel–Haenszel figures are computed over the strata used. See
 * docs/metrics.md, "Adjusted skip impact".
 *
 * @param skippedLost                 a summed over the strata used
 * @param skippedWon                  b summed over the strata used
 * @param visitedLost                 c summed over the strata used
 * @param visitedWon                  d summed over the strata used
 * @param strataUsed                  strata with at least one deal skipped and one visited
 * @param strataDropped               strata with deals in the stage's table but an empty group
 * @param dealsInDroppedStrata        the deals of the stage's table in dropped strata
 * @param oddsRatio                   OR_MH; null when Σ(ad/n) or Σ(bc/n) is 0
 * @param oddsRatioCi                 its 95% interval from the Robins–Breslow–Greenland variance; null with it
 * @param relativeRisk                RR_MH; null when Σ(a·n0/n) or Σ(c·n1/n) is 0
 * @param relativeRiskCi              its 95% interval from the Greenland–Robins variance; null with it
 * @param cmhChiSquare                the continuity-corrected Cochran–Mantel–Haenszel χ²; null when ΣVar[a] is 0
 * @param cmhP                        its p-value (χ², 1 degree of freedom)
 * @param cmhQ                        the Benjamini–Hochberg q-value of {@code cmhP} across the stages of the report
 * @param breslowDayChiSquare         the Breslow–Day statistic with Tarone's correction, over the strata used whose
 *                                    four margins are positive; null with fewer than two such strata or no OR_MH
 * @param breslowDayDegreesOfFreedom  the number of those strata − 1; null with the statistic
 * @param breslowDayP                 the statistic's p-value; null with it
 * @param insufficientData            DESIGN §7's flag on the table summed over the strata used
 */
public record AdjustedStageSkipImpact(int position, String key, int skippedLost, int skippedWon, int visitedLost,
                                      int visitedWon, int strataUsed, int strataDropped, int dealsInDroppedStrata,
                                      Double oddsRatio, Interval oddsRatioCi, Double relativeRisk,
                                      Interval relativeRiskCi, Double cmhChiSquare, Double cmhP, Double cmhQ,
                                      Double breslowDayChiSquare, Integer breslowDayDegreesOfFreedom,
                                      Double breslowDayP, boolean insufficientData) {

    AdjustedStageSkipImpact withCmhQ(Double value) {
        return new AdjustedStageSkipImpact(position, key, skippedLost, skippedWon, visitedLost, visitedWon,
                strataUsed, strataDropped, dealsInDroppedStrata, oddsRatio, oddsRatioCi, relativeRisk,
                relativeRiskCi, cmhChiSquare, cmhP, value, breslowDayChiSquare, breslowDayDegreesOfFreedom,
                breslowDayP, insufficientData);
    }
}
