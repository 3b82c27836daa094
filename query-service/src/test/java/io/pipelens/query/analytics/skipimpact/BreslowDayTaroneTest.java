package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Breslow–Day test with Tarone's correction against published worked examples. */
class BreslowDayTaroneTest {

    /**
     * SAS/STAT PROC FREQ documentation, example "Cochran-Mantel-Haenszel Statistics" (data set Migraine), also the
     * documented example of R's {@code DescTools::BreslowDayTest}: rows treatment (active, placebo), columns response
     * (better, same), strata gender (female, male).
     */
    private static final List<Stratum2x2> MIGRAINE = List.of(new Stratum2x2(16, 11, 5, 20),
            new Stratum2x2(12, 16, 7, 19));

    private static BreslowDayTarone.Homogeneity test(List<Stratum2x2> strata) {
        return BreslowDayTarone.test(strata, MantelHaenszel.oddsRatio(strata).value());
    }

    @Test
    void breslowDayAndTaroneOnTheMigraineData() {
        BreslowDayTarone.Homogeneity result = test(MIGRAINE);

        // SAS: "Breslow-Day Test for Homogeneity of the Odds Ratios: Chi-Square 1.4929, DF 1, Pr > ChiSq 0.2218";
        // DescTools, BreslowDayTest(migraine): "X-squared = 1.4929, df = 1, p-value = 0.2218"
        assertThat(result.breslowDay()).isCloseTo(1.4929, within(5e-5));
        // DescTools, BreslowDayTest(migraine, correct = TRUE): "X-squared = 1.4905, df = 1, p-value = 0.2221"
        assertThat(result.chiSquare()).isCloseTo(1.4905, within(5e-5));
        assertThat(result.p()).isCloseTo(0.2221, within(5e-5));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
    }

    @Test
    void taroneOnTheTolbutamideData() {
        BreslowDayTarone.Homogeneity result = test(MantelHaenszelTest.TOLBUTAMIDE);

        // Modern Epidemiology 3rd ed., Table 15-1, as reproduced by metafor's test of that chapter
        // (rma.mh(measure = "OR"): Tarone's test TA = 0.3489, TAp = 0.5547)
        assertThat(result.chiSquare()).isCloseTo(0.3489, within(5e-5));
        assertThat(result.p()).isCloseTo(0.5547, within(5e-5));
    }

    @Test
    void theExpectedCellIsTheRootWithinTheCellsBoundsWhateverTheOddsRatio() {
        Stratum2x2 table = new Stratum2x2(16, 11, 5, 20);
        for (double oddsRatio : new double[] {0.01, 0.5, 1.0, 3.3, 250.0}) {
            double a = BreslowDayTarone.expectedA(table, oddsRatio);
            double b = table.skipped() - a;
            double c = table.lost() - a;
            double d = table.visited() - c;

            // margins n1 = 27, m1 = 21, n0 = 25: 0 ≤ A ≤ 21, and the table at A has the odds ratio asked for
            assertThat(a).as("A at %s", oddsRatio).isBetween(0.0, 21.0);
            assertThat(a * d / (b * c)).as("odds ratio at A").isCloseTo(oddsRatio, within(1e-9 * oddsRatio));
        }
        // odds ratio 1: A = n1·m1/n = 27·21/52
        assertThat(BreslowDayTarone.expectedA(table, 1.0)).isCloseTo(27 * 21 / 52.0, within(1e-12));
    }

    @Test
    void onlyStrataWithFourPositiveMarginsAreTaken() {
        // the third stratum has no deal won (m0 = 0): it changes neither the statistic nor the degrees of freedom
        List<Stratum2x2> withDegenerate = List.of(MIGRAINE.get(0), MIGRAINE.get(1), new Stratum2x2(3, 0, 2, 0));
        double oddsRatio = MantelHaenszel.oddsRatio(MIGRAINE).value();

        BreslowDayTarone.Homogeneity result = BreslowDayTarone.test(withDegenerate, oddsRatio);

        assertThat(result).isEqualTo(BreslowDayTarone.test(MIGRAINE, oddsRatio));
    }

    @Test
    void nullWithFewerThanTwoStrataOrWithoutACommonOddsRatio() {
        assertThat(BreslowDayTarone.test(List.of(MIGRAINE.get(0)), 3.0)).isNull();
        assertThat(BreslowDayTarone.test(List.of(MIGRAINE.get(0), new Stratum2x2(0, 4, 0, 3)), 3.0)).isNull();
        assertThat(BreslowDayTarone.test(MIGRAINE, null)).isNull();
    }
}
