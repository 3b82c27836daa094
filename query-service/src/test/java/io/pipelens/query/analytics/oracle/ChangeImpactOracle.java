package io.pipelens.query.analytics.oracle;

import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §9.4 computed the plainest way, from each deal's kernel events rather than from any journey or index: a
 * deal's state at a time is replayed from its win, loss and reopening events up to then; Fisher's p is summed from
 * exact hypergeometric probabilities in integers; the intervals come from the Wilson interval in Newcombe's own form.
 */
public final class ChangeImpactOracle {

    private static final double DAY = 86_400_000.0;

    private ChangeImpactOracle() {
    }

    public record Cohort(int deals, int leftOut, int won, int lost, int open, Double winRate, Oracle.Ci winRateCi,
                         Double medianDaysToWin, Map<String, double[]> averageWonAmounts) {
    }

    public record Answer(Cohort before, Cohort after, Double difference, Oracle.Ci differenceCi, Double fisherP) {
    }

    public static Answer compute(List<List<DealEvent>> deals, Instant at, int horizonDays, int windowDays,
                                 Instant asOf) {
        Instant windowStart = at.minusMillis(windowDays * 86_400_000L);
        Instant windowEnd = at.plusMillis(windowDays * 86_400_000L);
        Cohort before = cohort(deals, windowStart, at, horizonDays, asOf);
        Cohort after = cohort(deals, at, windowEnd, horizonDays, asOf);
        if (before.deals() == 0 || after.deals() == 0) {
            return new Answer(before, after, null, null, null);
        }
        return new Answer(before, after, after.winRate() - before.winRate(),
                newcombe(after.won(), after.deals(), before.won(), before.deals()),
                fisher(after.won(), after.deals() - after.won(), before.won(), before.deals() - before.won()));
    }

    private static Cohort cohort(List<List<DealEvent>> deals, Instant from, Instant to, int horizonDays,
                                 Instant asOf) {
        int counted = 0;
        int leftOut = 0;
        int won = 0;
        int lost = 0;
        List<Double> daysToWin = new ArrayList<>();
        Map<String, BigDecimal[]> amounts = new TreeMap<>();
        for (List<DealEvent> events : deals) {
            Instant opened = ((DealOpenedEvent) events.get(0)).occurredAt();
            if (opened.isBefore(from) || !opened.isBefore(to) || opened.isAfter(asOf)) {
                continue;
            }
            Instant horizon = opened.plusMillis(horizonDays * 86_400_000L);
            if (horizon.isAfter(asOf)) {
                leftOut++;
                continue;
            }
            counted++;
            String state = "open";
            Instant closedAt = null;
            for (DealEvent event : events) {
                Instant time = event.occurredAt();
                if (time.isAfter(horizon)) {
                    break;
                }
                if (event instanceof DealWonEvent) {
                    state = "won";
                    closedAt = time;
                } else if (event instanceof DealLostEvent) {
                    state = "lost";
                } else if (event instanceof DealReopenedEvent) {
                    state = "open";
                }
            }
            if (state.equals("lost")) {
                lost++;
            } else if (state.equals("won")) {
                won++;
                daysToWin.add((closedAt.toEpochMilli() - opened.toEpochMilli()) / DAY);
                BigDecimal amount = null;
                String currency = null;
                for (DealEvent event : events) {
                    if (event instanceof DealOpenedEvent o && o.attributes() != null) {
                        amount = o.attributes().amount();
                        currency = o.attributes().currency();
                    } else if (event instanceof DealAttributesChangedEvent c) {
                        amount = c.attributes().amount();
                        currency = c.attributes().currency();
                    }
                }
                if (amount != null) {
                    BigDecimal[] sum = amounts.computeIfAbsent(currency == null ? "" : currency,
                            c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sum[0] = sum[0].add(amount);
                    sum[1] = sum[1].add(BigDecimal.ONE);
                }
            }
        }
        Map<String, double[]> averages = new TreeMap<>();
        amounts.forEach((currency, sum) -> averages.put(currency, new double[] {sum[1].doubleValue(),
                sum[0].divide(sum[1], MathContext.DECIMAL128).doubleValue()}));
        return new Cohort(counted, leftOut, won, lost, counted - won - lost,
                counted == 0 ? null : (double) won / counted, Oracle.wilson(won, counted), median(daysToWin),
                averages);
    }

    /** The median, the mean of the two middle values for an even count; null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Newcombe (1998) method 10, over Wilson intervals in Newcombe's form. */
    static Oracle.Ci newcombe(int x1, int n1, int x2, int n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Oracle.Ci w1 = Oracle.wilson(x1, n1);
        Oracle.Ci w2 = Oracle.wilson(x2, n2);
        double delta = Math.sqrt((p1 - w1.lower()) * (p1 - w1.lower()) + (w2.upper() - p2) * (w2.upper() - p2));
        double epsilon = Math.sqrt((w1.upper() - p1) * (w1.upper() - p1) + (p2 - w2.lower()) * (p2 - w2.lower()));
        return new Oracle.Ci(p1 - p2 - delta, p1 - p2 + epsilon);
    }

    /**
     * Two-sided Fisher p of {{a, b}, {c, d}}: the sum of the hypergeometric probabilities of the tables with the same
     * margins that are no more likely than the observed one, compared exactly as integers.
     */
    static double fisher(int a, int b, int c, int d) {
        int row1 = a + b;
        int col1 = a + c;
        int n = a + b + c + d;
        BigInteger observed = ways(row1, n - row1, col1, a);
        BigInteger tail = BigInteger.ZERO;
        for (int x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
            BigInteger w = ways(row1, n - row1, col1, x);
            if (w.compareTo(observed) <= 0) {
                tail = tail.add(w);
            }
        }
        return new BigDecimal(tail).divide(new BigDecimal(binomial(n, col1)), MathContext.DECIMAL128).doubleValue();
    }

    private static BigInteger ways(int row1, int row2, int col1, int x) {
        return binomial(row1, x).multiply(binomial(row2, col1 - x));
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }
}
