package io.pipelens.query.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Poisson-binomial distribution against a published example and against enumeration of every outcome. */
class PoissonBinomialTest {

    /**
     * The R package PoissonBinomial (F. Junge), vignette "Efficient Computation of Ordinary and Generalized Poisson
     * Binomial Distributions", section "Handling special cases, zeros and ones", case 1: {@code set.seed(1);
     * pp <- runif(7); dpbinom(NULL, pp)}. The probabilities are R's first seven uniform draws of seed 1 as R prints
     * them (7 digits), so the masses agree to about 1e-6 relative, as the printed figures do.
     */
    @Test
    void matchesThePublishedExample() {
        double[] pp = {0.2655087, 0.3721239, 0.5728534, 0.9082078, 0.2016819, 0.8983897, 0.9446753};
        double[] published = {8.114776e-05, 3.112722e-03, 4.063146e-02, 2.115237e-01, 3.793308e-01, 2.735489e-01,
            8.297278e-02, 8.798512e-03};
        PoissonBinomial distribution = new PoissonBinomial();
        for (double p : pp) {
            distribution.add(p);
        }
        for (int x = 0; x < published.length; x++) {
            assertThat(distribution.probability(x)).as("P(X = %d)", x)
                    .isCloseTo(published[x], within(2e-6 * published[x]));
        }
        // cumulative 0.0442 at 2 and 0.2557 at 3; 0.6351 at 4, 0.9086 at 5
        assertThat(distribution.quantile(0.1)).isEqualTo(3);
        assertThat(distribution.quantile(0.9)).isEqualTo(5);
    }

    @Test
    void equalsEnumerationOfEveryOutcome() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(0, 13);
            double[] p = new double[n];
            PoissonBinomial distribution = new PoissonBinomial();
            for (int i = 0; i < n; i++) {
                p[i] = switch (random.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> 1;
                    default -> random.nextDouble();
                };
                distribution.add(p[i]);
            }
            double[] enumerated = new double[n + 1];
            for (int outcome = 0; outcome < 1 << n; outcome++) {
                double probability = 1;
                for (int i = 0; i < n; i++) {
                    probability *= (outcome >> i & 1) == 1 ? p[i] : 1 - p[i];
                }
                enumerated[Integer.bitCount(outcome)] += probability;
            }
            double cumulative = 0;
            int lower = -1;
            int upper = -1;
            for (int x = 0; x <= n; x++) {
                assertThat(distribution.probability(x)).as("round %d, P(X = %d)", round, x)
                        .isCloseTo(enumerated[x], within(1e-12));
                cumulative += enumerated[x];
                if (lower < 0 && cumulative >= 0.1 - 1e-12) {
                    lower = x;
                }
                if (upper < 0 && cumulative >= 0.9 - 1e-12) {
                    upper = x;
                }
            }
            assertThat(distribution.trials()).isEqualTo(n);
            assertThat(distribution.quantile(0.1)).as("round %d lower", round).isEqualTo(lower);
            assertThat(distribution.quantile(0.9)).as("round %d upper", round).isEqualTo(upper);
        }
    }

    @Test
    void keepsTheWholeMassOverManyTrials() {
        PoissonBinomial distribution = new PoissonBinomial();
        SplittableRandom random = new SplittableRandom(3);
        double mean = 0;
        for (int i = 0; i < 20_000; i++) {
            double p = random.nextDouble() * 0.4;
            distribution.add(p);
            mean += p;
        }
        double total = 0;
        double first = 0;
        for (int x = 0; x <= 20_000; x++) {
            total += distribution.probability(x);
            first += x * distribution.probability(x);
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(first).isCloseTo(mean, within(1e-6 * mean));
    }
}
