package io.pipelens.query.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Scores on a case small enough to check by hand.
 *
 * <pre>
 * p = 0.2 for two deals, one won;  p = 0.7 for one deal, won;  p = 1.0 for one deal, lost
 * Brier    = (0.64 + 0.04 + 0.09 + 1) ÷ 4 = 1.77 ÷ 4 = 0.4425
 * log loss = (−ln 0.2 − ln 0.8 − ln 0.7 − ln 1e−6) ÷ 4
 *          = (1.6094379 + 0.2231436 + 0.3566749 + 13.8155106) ÷ 4 = 4.0011917
 * bins     = 2: n 2, mean p 0.2, rate 0.5;  7: n 1, mean p 0.7, rate 1;  9: n 1, mean p 1.0, rate 0
 * ECE      = (2 × 0.3 + 1 × 0.3 + 1 × 1) ÷ 4 = 0.475
 * </pre>
 */
class CalibrationTest {

    @Test
    void scoresAHandCheckedCase() {
        Calibration calibration = new Calibration();
        calibration.add(0.2, 2, 1);
        calibration.add(0.7, 1, 1);
        calibration.add(1.0, 1, 0);
        calibration.addDate(true);
        calibration.addDate(false);
        calibration.addDate(true);

        BacktestScores scores = calibration.scores();
        assertThat(scores.predictions()).isEqualTo(4);
        assertThat(scores.brier()).isCloseTo(0.4425, within(1e-12));
        // 1 − (1 − 1e−6) is 1e−6 only to about 1e−11 in doubles
        assertThat(scores.logLoss()).isCloseTo((-Math.log(0.2) - Math.log(0.8) - Math.log(0.7) - Math.log(1e-6)) / 4,
                within(1e-9));
        assertThat(scores.logLoss()).isCloseTo(4.0011917, within(1e-7));
        assertThat(scores.reliability()).hasSize(10);
        assertThat(scores.reliability().get(2).count()).isEqualTo(2);
        assertThat(scores.reliability().get(2).meanP()).isCloseTo(0.2, within(1e-12));
        assertThat(scores.reliability().get(2).observedRate()).isEqualTo(0.5);
        assertThat(scores.reliability().get(7).count()).isEqualTo(1);
        assertThat(scores.reliability().get(9).count()).isEqualTo(1);
        assertThat(scores.reliability().get(9).observedRate()).isEqualTo(0.0);
        assertThat(scores.reliability().get(0).meanP()).isNull();
        assertThat(scores.reliability().get(0).from()).isEqualTo(0.0);
        assertThat(scores.reliability().get(9).to()).isEqualTo(1.0);
        assertThat(scores.expectedCalibrationError()).isCloseTo(0.475, within(1e-12));
        assertThat(scores.intervalCoverage()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void hasNoScoresWithoutPredictions() {
        assertThat(new Calibration().scores()).isNull();
    }
}
