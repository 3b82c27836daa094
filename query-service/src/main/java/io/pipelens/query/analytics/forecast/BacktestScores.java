package io.pipelens.query.analytics.forecast;

import java.util.List;

/**
 * How well one set of probabilities predicted the wins (DESIGN §10.4).
 *
 * @param predictions             deal predictions scored
 * @param brier                   mean (p − won)²
 * @param logLoss                 mean −ln of the clipped probability given to what happened
 * @param expectedCalibrationError Σ (n_b ÷ N)·|mean p_b − observed rate_b| over the bins
 * @param intervalCoverage        share of the dates with a prediction whose actual wins fell in the 80% interval
 */
public record BacktestScores(long predictions, double brier, double logLoss, List<ReliabilityBin> reliability,
                             double expectedCalibrationError, Double intervalCoverage) {
}
