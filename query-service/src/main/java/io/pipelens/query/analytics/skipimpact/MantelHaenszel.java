package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.Interval;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Mantel–Haenszel statistics over the strata of a stratified 2×2 table (DESIGN §9.2). With, per stratum,
 * n1 = a + b, n0 = c + d, m1 = a + c, m0 = b + d and n = n1 + n0:
 * <ul>
 *   <li>OR_MH = Σ(ad/n) ÷ Σ(bc/n), with the Robins–Breslow–Greenland (1986) variance of ln OR_MH;</li>
 *   <li>RR_MH = Σ(a·n0/n) ÷ Σ(c·n1/n), with the Greenland–Robins (1985) variance of ln RR_MH,
 *       Σ((m1·n1·n0 − a·c·n)/n²) ÷ (Σ(a·n0/n)·Σ(c·n1/n));</li>
 *   <li>the Cochran–Mantel–Haenszel χ² with continuity correction, (max(0, |Σa − ΣE[a]| − ½))² ÷ ΣVar[a], with
 *       E[a] = n1·m1/n and Var[a] = n1·n0·m1·m0 ÷ (n²(n − 1)), and its p-value from χ² with 1 degree of freedom.</li>
 * </ul>
 * A ratio is null when its numerator or denominator sum is 0; the test is null when ΣVar[a] is 0. Callers pass only
 * strata where both groups hold a deal (a stratum of one deal would divide by n − 1 = 0).
 */
public final class MantelHaenszel {

    /** The 0.975 quantile of the standard normal distribution, for two-sided 95% intervals (DESIGN §9). */
    public static final double Z_95 = 1.959963984540054;

    private static final ChiSquaredDistribution ONE_DEGREE = ChiSquaredDistribution.of(1);

    private MantelHaenszel() {
    }

    /**
     * A ratio with the standard error of its logarithm.
     *
     * @param value             the ratio
     * @param logStandardError  the standard error of ln(value)
     */
    public record Estimate(double value, double logStandardError) {

        /** The 95% interval exp(ln value ± z·se). */
        public Interval interval95() {
            return interval(Z_95);
        }

        /** The interval exp(ln value ± z·se) for a given normal quantile z. */
        public Interval interval(double z) {
            double log = Math.log(value);
            return new Interval(Math.exp(log - z * logStandardError), Math.exp(log + z * logStandardError));
        }
    }

    /**
     * The continuity-corrected Cochran–Mantel–Haenszel test.
     *
     * @param chiSquare the statistic
     * @param p         its p-value from χ² with 1 degree of freedom
     */
    public record Test(double chiSquare, double p) {
    }

    /** OR_MH with its Robins–Breslow–Greenland standard error, or null when Σ(ad/n) or Σ(bc/n) is 0. */
    public static Estimate oddsRatio(List<Stratum2x2> strata) {
        double sumR = 0;
        double sumS = 0;
        double sumPR = 0;
        double sumPSQR = 0;
        double sumQS = 0;
        for (Stratum2x2 t : strata) {
            double n = t.total();
            double r = (double) t.a() * t.d() / n;
            double s = (double) t.b() * t.c() / n;
            double p = (t.a() + t.d()) / n;
            double q = (t.b() + t.c()) / n;
            sumR += r;
            sumS += s;
            sumPR += p * r;
            sumPSQR += p * s + q * r;
            sumQS += q * s;
        }
        if (sumR == 0 || sumS == 0) {
            return null;
        }
        double variance = sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
        return new Estimate(sumR / sumS, Math.sqrt(variance));
    }

    /** RR_MH with its Greenland–Robins standard error, or null when Σ(a·n0/n) or Σ(c·n1/n) is 0. */
    public static Estimate relativeRisk(List<Stratum2x2> strata) {
        double numerator = 0;
        double denominator = 0;
        double varianceSum = 0;
        for (Stratum2x2 t : strata) {
            double n = t.total();
            numerator += t.a() * (double) t.visited() / n;
            denominator += t.c() * (double) t.skipped() / n;
            long m1n1n0 = (long) t.lost() * t.skipped() * t.visited();
            long acn = (long) t.a() * t.c() * t.total();
            varianceSum += (m1n1n0 - acn) / (n * n);
        }
        if (numerator == 0 || denominator == 0) {
            return null;
        }
        return new Estimate(numerator / denominator, Math.sqrt(varianceSum / (numerator * denominator)));
    }

    /** The continuity-corrected CMH test, or null when ΣVar[a] is 0. */
    public static Test cochranMantelHaenszel(List<Stratum2x2> strata) {
        double sumA = 0;
        double sumExpected = 0;
        double sumVariance = 0;
        for (Stratum2x2 t : strata) {
            double n = t.total();
            sumA += t.a();
            sumExpected += t.skipped() * (double) t.lost() / n;
            sumVariance += (double) t.skipped() * t.visited() / n * t.lost() * t.won() / (n * (n - 1));
        }
        if (sumVariance == 0) {
            return null;
        }
        double deviation = Math.max(0, Math.abs(sumA - sumExpected) - 0.5);
        double chiSquare = deviation * deviation / sumVariance;
        return new Test(chiSquare, ONE_DEGREE.survivalProbability(chiSquare));
    }
}
