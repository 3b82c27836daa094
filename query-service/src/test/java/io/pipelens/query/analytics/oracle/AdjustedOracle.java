package io.pipelens.query.analytics.oracle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A deliberately plain computation of adjusted skip impact (DESIGN §9.2, docs/metrics.md), written apart from the
 * engine in the style of {@link Oracle}: strata are grouped by lists of values in a map, amount bands are counted deal
 * by deal over exact decimal amounts, the Greenland–Robins variance uses its equivalent form Σ(ad·n1 + bc·n0)/n², and
 * the Breslow–Day expected cell is found by bisection instead of the quadratic formula. Only the χ² distribution comes
 * from the same library.
 */
public final class AdjustedOracle {

    private static final double Z = 1.959963984540054;
    private static final List<String> ATTRIBUTES = List.of("OWNER", "SOURCE", "SEGMENT", "AMOUNT_BAND",
            "OPENED_QUARTER");

    private final int stageCount;

    public AdjustedOracle(int stageCount) {
        this.stageCount = stageCount;
    }

    /** One stage's figures; a null stands for "none". */
    public record Row(int a, int b, int c, int d, int used, int dropped, int dealsDropped, Double oddsRatio,
                      Double orLower, Double orUpper, Double relativeRisk, Double rrLower, Double rrUpper,
                      Double chiSquare, Double p, Double q, Double breslowDay, Integer degrees, Double breslowDayP,
                      boolean insufficientData) {
    }

    /** {@code deals} are the selected deals (open ones included); {@code adjustFor} holds attribute names. */
    public List<Row> adjustedSkipImpact(List<Oracle.Deal> deals, List<String> adjustFor) {
        List<Row> rows = new ArrayList<>();
        for (int k = 1; k <= stageCount; k++) {
            Map<List<Object>, int[]> strata = new LinkedHashMap<>();
            for (Oracle.Deal deal : deals) {
                if (deal.status.equals("open") || deal.highest() <= k) {
                    continue;
                }
                int[] cells = strata.computeIfAbsent(stratum(deal, deals, adjustFor), key -> new int[4]);
                boolean lost = deal.status.equals("lost");
                int cell = deal.visited(k) ? (lost ? 2 : 3) : (lost ? 0 : 1);
                cells[cell]++;
            }
            rows.add(row(new ArrayList<>(strata.values())));
        }
        return withQ(rows);
    }

    private static List<Object> stratum(Oracle.Deal deal, List<Oracle.Deal> deals, List<String> adjustFor) {
        List<Object> key = new ArrayList<>();
        for (String attribute : ATTRIBUTES) {
            if (!adjustFor.contains(attribute)) {
                continue;
            }
            switch (attribute) {
                case "OWNER" -> key.add(deal.owner);
                case "SOURCE" -> key.add(deal.source);
                case "SEGMENT" -> key.add(deal.segment);
                case "AMOUNT_BAND" -> key.add(band(deal, deals));
                default -> {
                    LocalDate opened = LocalDate.ofInstant(Instant.ofEpochMilli(deal.openedAt), ZoneOffset.UTC);
                    key.add(opened.getYear() * 10 + opened.get(IsoFields.QUARTER_OF_YEAR));
                }
            }
        }
        return key;
    }

    /** 1 + the number of quartile boundaries of the deal's currency that its amount is above; null without amount. */
    static Integer band(Oracle.Deal deal, List<Oracle.Deal> deals) {
        if (deal.amount == null) {
            return null;
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (Oracle.Deal other : deals) {
            if (other.amount != null && Objects.equals(other.currency, deal.currency)) {
                amounts.add(other.amount);
            }
        }
        Collections.sort(amounts);
        int band = 1;
        for (int quarter = 1; quarter <= 3; quarter++) {
            int rank = 1;
            while (4 * rank < quarter * amounts.size()) {
                rank++;
            }
            if (deal.amount.compareTo(amounts.get(rank - 1)) > 0) {
                band = quarter + 1;
            }
        }
        return band;
    }

    private static Row row(List<int[]> strata) {
        List<int[]> used = new ArrayList<>();
        int dropped = 0;
        int dealsDropped = 0;
        int[] sum = new int[4];
        for (int[] t : strata) {
            if (t[0] + t[1] > 0 && t[2] + t[3] > 0) {
                used.add(t);
                for (int i = 0; i < 4; i++) {
                    sum[i] += t[i];
                }
            } else {
                dropped++;
                dealsDropped += t[0] + t[1] + t[2] + t[3];
            }
        }
        boolean insufficient = Oracle.skipStage(sum[0], sum[1], sum[2], sum[3]).insufficientData();

        double sumR = 0;
        double sumS = 0;
        double sumPR = 0;
        double sumPSQR = 0;
        double sumQS = 0;
        double rrNumerator = 0;
        double rrDenominator = 0;
        double rrVariance = 0;
        double observed = 0;
        double expected = 0;
        double variance = 0;
        for (int[] t : used) {
            double a = t[0];
            double b = t[1];
            double c = t[2];
            double d = t[3];
            double n = a + b + c + d;
            double n1 = a + b;
            double n0 = c + d;
            double m1 = a + c;
            double m0 = b + d;
            double r = a * d / n;
            double s = b * c / n;
            sumR += r;
            sumS += s;
            sumPR += (a + d) / n * r;
            sumPSQR += (a + d) / n * s + (b + c) / n * r;
            sumQS += (b + c) / n * s;
            rrNumerator += a * n0 / n;
            rrDenominator += c * n1 / n;
            rrVariance += (a * d * n1 + b * c * n0) / (n * n);
            observed += a;
            expected += n1 * m1 / n;
            variance += n1 * n0 * m1 * m0 / (n * n * (n - 1));
        }
        Double or = null;
        Double orLower = null;
        Double orUpper = null;
        if (sumR > 0 && sumS > 0) {
            or = sumR / sumS;
            double se = Math.sqrt(sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS)
                    + sumQS / (2 * sumS * sumS));
            orLower = Math.exp(Math.log(or) - Z * se);
            orUpper = Math.exp(Math.log(or) + Z * se);
        }
        Double rr = null;
        Double rrLower = null;
        Double rrUpper = null;
        if (rrNumerator > 0 && rrDenominator > 0) {
            rr = rrNumerator / rrDenominator;
            double se = Math.sqrt(rrVariance / (rrNumerator * rrDenominator));
            rrLower = Math.exp(Math.log(rr) - Z * se);
            rrUpper = Math.exp(Math.log(rr) + Z * se);
        }
        Double chiSquare = null;
        Double p = null;
        if (variance > 0) {
            double excess = Math.abs(observed - expected) - 0.5;
            chiSquare = excess > 0 ? excess * excess / variance : 0.0;
            p = ChiSquaredDistribution.of(1).survivalProbability(chiSquare);
        }
        double[] breslowDay = breslowDay(used, or);
        return new Row(sum[0], sum[1], sum[2], sum[3], used.size(), dropped, dealsDropped, or, orLower, orUpper,
                rr, rrLower, rrUpper, chiSquare, p, null, breslowDay == null ? null : breslowDay[0],
                breslowDay == null ? null : (int) breslowDay[1], breslowDay == null ? null : breslowDay[2],
                insufficient);
    }

    /** {Tarone-corrected statistic, degrees of freedom, p}, or null. */
    private static double[] breslowDay(List<int[]> used, Double or) {
        if (or == null) {
            return null;
        }
        List<int[]> taken = new ArrayList<>();
        for (int[] t : used) {
            if (t[0] + t[2] > 0 && t[1] + t[3] > 0) {
                taken.add(t);
            }
        }
        if (taken.size() < 2) {
            return null;
        }
        double statistic = 0;
        double observed = 0;
        double expected = 0;
        double variances = 0;
        for (int[] t : taken) {
            int n1 = t[0] + t[1];
            int n0 = t[2] + t[3];
            int m1 = t[0] + t[2];
            double lowest = Math.max(0, m1 - n0);
            double highest = Math.min(n1, m1);
            // the odds of the table with margins kept and a = x grow with x: bisect to the last bit
            for (int i = 0; i < 2000; i++) {
                double middle = (lowest + highest) / 2;
                if (middle == lowest || middle == highest) {
                    break;
                }
                double odds = middle * (n0 - m1 + middle) / ((n1 - middle) * (m1 - middle));
                if (odds < or) {
                    lowest = middle;
                } else {
                    highest = middle;
                }
            }
            double a = (lowest + highest) / 2;
            double v = 1 / (1 / a + 1 / (n1 - a) + 1 / (m1 - a) + 1 / (n0 - m1 + a));
            statistic += (t[0] - a) * (t[0] - a) / v;
            observed += t[0];
            expected += a;
            variances += v;
        }
        double tarone = statistic - (observed - expected) * (observed - expected) / variances;
        int degrees = taken.size() - 1;
        return new double[] {tarone, degrees, ChiSquaredDistribution.of(degrees).survivalProbability(tarone)};
    }

    private static List<Row> withQ(List<Row> rows) {
        List<Double> ps = new ArrayList<>();
        for (Row row : rows) {
            ps.add(row.p());
        }
        List<Row> result = new ArrayList<>();
        for (Row row : rows) {
            Double q = Oracle.benjaminiHochberg(ps, row.p());
            result.add(new Row(row.a(), row.b(), row.c(), row.d(), row.used(), row.dropped(), row.dealsDropped(),
                    row.oddsRatio(), row.orLower(), row.orUpper(), row.relativeRisk(), row.rrLower(), row.rrUpper(),
                    row.chiSquare(), row.p(), q, row.breslowDay(), row.degrees(), row.breslowDayP(),
                    row.insufficientData()));
        }
        return result;
    }
}
