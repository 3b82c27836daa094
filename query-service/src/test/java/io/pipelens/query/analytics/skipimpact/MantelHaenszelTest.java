package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mantel–Haenszel figures against published worked examples; each tolerance is half a unit of the last printed digit.
 * Rows are exposure (skipped, visited), columns outcome (lost, won), so a = exposed with the event.
 */
class MantelHaenszelTest {

    /** The 0.95 quantile of the standard normal distribution, for the 90% intervals some sources print. */
    private static final double Z_90 = 1.6448536269514722;

    /**
     * Agresti (1990, pp. 231–237), penicillin and rabbits, as in the documented example of R's
     * {@code stats::mantelhaen.test}: rows Delay (none, 1.5 h), columns Response (cured, died), strata the penicillin
     * level (1/8, 1/4, 1/2, 1, 4).
     */
    private static final List<Stratum2x2> RABBITS = List.of(new Stratum2x2(0, 6, 0, 5), new Stratum2x2(3, 3, 0, 6),
            new Stratum2x2(6, 0, 2, 4), new Stratum2x2(5, 1, 6, 0), new Stratum2x2(2, 0, 5, 0));

    /**
     * Rothman, Greenland &amp; Lash, Modern Epidemiology, 3rd ed. (2008), Table 15-1: University Group Diabetes
     * Program, deaths under tolbutamide and placebo, by age (&lt;55, 55+). Rows tolbutamide, placebo; columns dead,
     * surviving.
     */
    static final List<Stratum2x2> TOLBUTAMIDE = List.of(new Stratum2x2(8, 98, 5, 115),
            new Stratum2x2(22, 76, 16, 69));

    @Test
    void oddsRatioAndItsRobinsBreslowGreenlandIntervalOnThePenicillinData() {
        MantelHaenszel.Estimate oddsRatio = MantelHaenszel.oddsRatio(RABBITS);
        Interval ci = oddsRatio.interval95();

        // R, mantelhaen.test(Rabbits): "common odds ratio 7", "95 percent confidence interval: 1.026713 47.725133"
        assertThat(oddsRatio.value()).isCloseTo(7.0, within(1e-12));
        assertThat(ci.lower()).isCloseTo(1.026713, within(5e-7));
        assertThat(ci.upper()).isCloseTo(47.725133, within(5e-7));
    }

    @Test
    void continuityCorrectedCochranMantelHaenszelTestOnThePenicillinData() {
        MantelHaenszel.Test test = MantelHaenszel.cochranMantelHaenszel(RABBITS);

        // R, mantelhaen.test(Rabbits): "Mantel-Haenszel X-squared = 3.9286, df = 1, p-value = 0.04747"
        assertThat(test.chiSquare()).isCloseTo(3.9286, within(5e-5));
        assertThat(test.p()).isCloseTo(0.04747, within(5e-6));
    }

    @Test
    void relativeRiskAndItsGreenlandRobinsIntervalOnTheTolbutamideData() {
        MantelHaenszel.Estimate relativeRisk = MantelHaenszel.relativeRisk(TOLBUTAMIDE);
        Interval ci90 = relativeRisk.interval(Z_90);

        // Modern Epidemiology 3rd ed., ch. 15, as reproduced by metafor's test of that chapter
        // (tests/testthat/test_analysis_example_rothman2008.r, rma.mh(measure = "RR", level = 90)):
        // ln RR_MH = 0.2818 (90% CI -0.1442 to 0.7078); RR_MH 1.3256 (0.8658 to 2.0296)
        assertThat(Math.log(relativeRisk.value())).isCloseTo(0.2818, within(5e-5));
        assertThat(Math.log(ci90.lower())).isCloseTo(-0.1442, within(5e-5));
        assertThat(Math.log(ci90.upper())).isCloseTo(0.7078, within(5e-5));
        assertThat(relativeRisk.value()).isCloseTo(1.3256, within(5e-5));
        assertThat(ci90.lower()).isCloseTo(0.8658, within(5e-5));
        assertThat(ci90.upper()).isCloseTo(2.0296, within(5e-5));
    }

    @Test
    void oddsRatioAndItsIntervalOnTheTolbutamideData() {
        MantelHaenszel.Estimate oddsRatio = MantelHaenszel.oddsRatio(TOLBUTAMIDE);
        Interval ci90 = oddsRatio.interval(Z_90);

        // the same source, rma.mh(measure = "OR", level = 90): ln OR_MH = 0.3387 (-0.1731 to 0.8505);
        // OR_MH 1.4031 (0.8411 to 2.3409)
        assertThat(Math.log(oddsRatio.value())).isCloseTo(0.3387, within(5e-5));
        assertThat(Math.log(ci90.lower())).isCloseTo(-0.1731, within(5e-5));
        assertThat(Math.log(ci90.upper())).isCloseTo(0.8505, within(5e-5));
        assertThat(oddsRatio.value()).isCloseTo(1.4031, within(5e-5));
        assertThat(ci90.lower()).isCloseTo(0.8411, within(5e-5));
        assertThat(ci90.upper()).isCloseTo(2.3409, within(5e-5));
    }

    @Test
    void oneStratumGivesTheCrudeOddsRatioWithoutAnyCorrection() {
        // ad / bc = 10·20 / (10·5); RR = (10/20) / (5/25)
        List<Stratum2x2> one = List.of(new Stratum2x2(10, 10, 5, 20));

        assertThat(MantelHaenszel.oddsRatio(one).value()).isCloseTo(4.0, within(1e-12));
        assertThat(MantelHaenszel.relativeRisk(one).value()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void aRatioIsNullWhenItsNumeratorOrDenominatorSumIsZero() {
        // no deal visited and lost: Σ(bc/n) = 0 and Σ(c·n1/n) = 0
        List<Stratum2x2> noVisitedLost = List.of(new Stratum2x2(3, 2, 0, 4), new Stratum2x2(1, 1, 0, 2));
        // no deal skipped and lost: Σ(ad/n) = 0 and Σ(a·n0/n) = 0
        List<Stratum2x2> noSkippedLost = List.of(new Stratum2x2(0, 5, 2, 4));

        assertThat(MantelHaenszel.oddsRatio(noVisitedLost)).isNull();
        assertThat(MantelHaenszel.relativeRisk(noVisitedLost)).isNull();
        assertThat(MantelHaenszel.oddsRatio(noSkippedLost)).isNull();
        assertThat(MantelHaenszel.relativeRisk(noSkippedLost)).isNull();
        assertThat(MantelHaenszel.oddsRatio(List.of())).isNull();
    }

    @Test
    void theTestIsNullWithoutVariance() {
        // every deal won: m1 = 0 in each stratum, so every Var[a] is 0
        assertThat(MantelHaenszel.cochranMantelHaenszel(List.of(new Stratum2x2(0, 3, 0, 4)))).isNull();
        assertThat(MantelHaenszel.cochranMantelHaenszel(List.of())).isNull();
    }

    @Test
    void theContinuityCorrectionStopsAtZero() {
        // Σa = 1, E[a] = 2·2/4 = 1: |Σa − ΣE| − ½ < 0, so χ² = 0 and p = 1
        MantelHaenszel.Test test = MantelHaenszel.cochranMantelHaenszel(List.of(new Stratum2x2(1, 1, 1, 1)));

        assertThat(test.chiSquare()).isZero();
        assertThat(test.p()).isEqualTo(1.0);
    }
}
