package io.pipelens.query.analytics.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores of probabilities against what happened (DESIGN §10.4): Brier score, log loss with p clipped to
 * [1e−6, 1 − 1e−6], ten equal-width reliability bins (bin ⌊10p⌋, p = 1 in the last), the expected calibration error
 * Σ (n_b ÷ N)·|mean p_b − observed rate_b|, and the share of dates whose wins fell in their 80% interval. Predictions
 * come in groups of equal probability: n deals of which {@code won} were won.
 */
final class Calibration {

    static final double CLIP = 1e-6;
    static final int BINS = 10;

    private long predictions;
    private double squaredError;
    private double logLoss;
    private final long[] binCount = new long[BINS];
    private final long[] binWon = new long[BINS];
    private final double[] binProbability = new double[BINS];
    private int dates;
    private int covered;

    void add(double p, long count, long won) {
        predictions += count;
        squaredError += won * (1 - p) * (1 - p) + (count - won) * p * p;
        double clipped = Math.min(1 - CLIP, Math.max(CLIP, p));
        logLoss -= won * Math.log(clipped) + (count - won) * Math.log(1 - clipped);
        int bin = Math.min(BINS - 1, (int) Math.floor(p * BINS));
        binCount[bin] += count;
        binWon[bin] += won;
        binProbability[bin] += count * p;
    }

    void addDate(boolean inInterval) {
        dates++;
        if (inInterval) {
            covered++;
        }
    }

    /** The scores, or null when there was no prediction. */
    BacktestScores scores() {
        if (predictions == 0) {
            return null;
        }
        List<ReliabilityBin> bins = new ArrayList<>(BINS);
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            long n = binCount[b];
            Double meanP = n == 0 ? null : binProbability[b] / n;
            Double rate = n == 0 ? null : (double) binWon[b] / n;
            bins.add(new ReliabilityBin((double) b / BINS, (double) (b + 1) / BINS, n, meanP, rate));
            if (n > 0) {
                ece += (double) n / predictions * Math.abs(meanP - rate);
            }
        }
        return new BacktestScores(predictions, squaredError / predictions, logLoss / predictions, List.copyOf(bins),
                ece, dates == 0 ? null : (double) covered / dates);
    }
}
