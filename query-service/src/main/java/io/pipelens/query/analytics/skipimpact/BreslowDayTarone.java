package io.pipelens.query.analytics.skipimpact;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The Breslow–Day test that the strata share one odds ratio, with Tarone's (1985) correction (DESIGN §9.2).
 *
 * <p>Under the common odds ratio ψ (OR_MH), each stratum's expected a is the A that keeps the stratum's margins and
 * has odds ratio ψ: A·(n0 − m1 + A) = ψ·(n1 − A)·(m1 − A), the root of the quadratic
 * (1 − ψ)A² + (n0 − m1 + ψ(n1 + m1))A − ψ·n1·m1 = 0 that lies within the cell's bounds max(0, m1 − n0) ≤ A ≤
 * min(n1, m1). With B = n1 − A, C = m1 − A, D = n0 − m1 + A and Var = 1 ÷ (1/A + 1/B + 1/C + 1/D):
 * BD = Σ (a − A)² ÷ Var, and Tarone's statistic BD − (Σa − ΣA)² ÷ ΣVar has a χ² distribution with K − 1 degrees of
 * freedom over the K strata taken. Only strata whose four margins are all positive are taken.
 */
public final class BreslowDayTarone {

    private BreslowDayTarone() {
    }

    /**
     * The test's figures.
     *
     * @param breslowDay       the Breslow–Day statistic before Tarone's correction
     * @param chiSquare        Tarone's corrected statistic
     * @param degreesOfFreedom K − 1
     * @param p                the p-value of {@code chiSquare} from χ² with K − 1 degrees of freedom
     */
    public record Homogeneity(double breslowDay, double chiSquare, int degreesOfFreedom, double p) {
    }

    /**
     * The test over the strata of {@code strata} whose four margins are positive, under the common odds ratio
     * {@code oddsRatio}; null when that is null or fewer than two strata are taken.
     */
    public static Homogeneity test(List<Stratum2x2> strata, Double oddsRatio) {
        if (oddsRatio == null) {
            return null;
        }
        int taken = 0;
        double statistic = 0;
        double sumA = 0;
        double sumExpected = 0;
        double sumVariance = 0;
        for (Stratum2x2 t : strata) {
            if (!t.allMarginsPositive()) {
                continue;
            }
            double expected = expectedA(t, oddsRatio);
            double variance = 1 / (1 / expected + 1 / (t.skipped() - expected) + 1 / (t.lost() - expected)
                    + 1 / (t.visited() - t.lost() + expected));
            double deviation = t.a() - expected;
            statistic += deviation * deviation / variance;
            sumA += t.a();
            sumExpected += expected;
            sumVariance += variance;
            taken++;
        }
        if (taken < 2) {
            return null;
        }
        double difference = sumA - sumExpected;
        double corrected = statistic - difference * difference / sumVariance;
        int degrees = taken - 1;
        return new Homogeneity(statistic, corrected, degrees,
                ChiSquaredDistribution.of(degrees).survivalProbability(corrected));
    }

    /**
     * The a that stratum {@code t}'s margins would hold at odds ratio {@code oddsRatio} (positive and finite). The
     * quadratic's roots are computed in the form that avoids cancellation, q = −(b + sign(b)·√(b² − 4ac)) ÷ 2 and the
     * roots q/a and c/q; with ψ = 1 it is linear and A = n1·m1/n.
     */
    static double expectedA(Stratum2x2 t, double oddsRatio) {
        double n1 = t.skipped();
        double m1 = t.lost();
        double quadratic = 1 - oddsRatio;
        double linear = t.visited() - m1 + oddsRatio * (n1 + m1);
        double constant = -oddsRatio * n1 * m1;
        if (quadratic == 0) {
            return -constant / linear;
        }
        double q = -0.5 * (linear + Math.copySign(Math.sqrt(linear * linear - 4 * quadratic * constant), linear));
        double first = q / quadratic;
        double lowest = Math.max(0, m1 - t.visited());
        double highest = Math.min(n1, m1);
        return first >= lowest && first <= highest ? first : constant / q;
    }
}
