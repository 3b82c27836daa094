package io.pipelens.query.analytics.oracle;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §10.4 computed the plainest way, apart from the engine: a deal's state at an instant is replayed from its
 * events up to then (through {@link Oracle#deal}, which builds the path under the version); the chain's counts are
 * tallied pair by pair; P(won within h) sums explicit matrix powers Q^{k−1}R; the eventual probability comes from
 * Gaussian elimination with partial pivoting; the states that can reach a null state or an absorbing one come from a
 * transitive closure; the Poisson-binomial distribution from the full quadratic recurrence; the backtest fits each
 * date on the events up to it alone and scores deal by deal.
 *
 * <p>States: (stage − 1) × 4 + age band for open deals, then WON = 4n and LOST = 4n + 1; -1 before the opening or
 * while the deal is in no stage.
 */
public final class ForecastOracle {

    public static final long DAY = 86_400_000L;
    public static final long WEEK = 7 * DAY;
    private static final double CLIP = 1e-6;

    private final Oracle oracle;
    private final int stageCount;

    public ForecastOracle(Oracle oracle, int stageCount) {
        this.oracle = oracle;
        this.stageCount = stageCount;
    }

    public int open() {
        return 4 * stageCount;
    }

    public int won() {
        return 4 * stageCount;
    }

    public int lost() {
        return 4 * stageCount + 1;
    }

    /** The deal's state as its events up to {@code at} (inclusive) leave it. */
    public int stateAt(List<DealEvent> events, long at) {
        List<DealEvent> prefix = prefix(events, at);
        if (prefix.isEmpty()) {
            return -1;
        }
        Oracle.Deal deal = oracle.deal(prefix);
        if (deal.status.equals("won")) {
            return won();
        }
        if (deal.status.equals("lost")) {
            return lost();
        }
        if (deal.path.isEmpty()) {
            // open in no stage of the version (DESIGN §10.1): no state of the chain
            return -1;
        }
        Oracle.Visit current = deal.path.get(deal.path.size() - 1);
        long age = at - current.in();
        int band = age < 7 * DAY ? 0 : age < 30 * DAY ? 1 : age < 90 * DAY ? 2 : 3;
        return (current.stage() - 1) * 4 + band;
    }

    private static List<DealEvent> prefix(List<DealEvent> events, long at) {
        List<DealEvent> prefix = new ArrayList<>();
        for (DealEvent event : events) {
            if (event.occurredAt().toEpochMilli() <= at) {
                prefix.add(event);
            }
        }
        return prefix;
    }

    /** The fitted chain: rows of P̂ (null when unknown) and the probabilities per open state. */
    /** {@code cumulative[k − 1][a]}: P(won within k steps | a), unknown states included. */
    public record Chain(long[][] counts, double[][] rows, boolean[] pooled, Double[] within, Double[] eventual,
                        double[][] cumulative) {
    }

    /** The chain fitted from the deals' events up to {@code at}. */
    public Chain fit(List<List<DealEvent>> deals, long at, int weeks) {
        long[][] counts = new long[open()][open() + 2];
        for (List<DealEvent> all : deals) {
            List<DealEvent> events = prefix(all, at);
            for (int k = 1; k <= 52; k++) {
                long w = at - k * WEEK;
                int from = stateAt(events, w);
                if (from >= 0 && from < open()) {
                    counts[from][stateAt(events, w + WEEK)]++;
                }
            }
        }
        double[][] rows = new double[open()][];
        boolean[] pooled = new boolean[open()];
        for (int a = 0; a < open(); a++) {
            long[] use = counts[a];
            if (sum(use) < 10) {
                pooled[a] = true;
                use = new long[open() + 2];
                for (int b = (a / 4) * 4; b < (a / 4) * 4 + 4; b++) {
                    for (int c = 0; c < use.length; c++) {
                        use[c] += counts[b][c];
                    }
                }
            }
            long n = sum(use);
            if (n > 0) {
                rows[a] = new double[open() + 2];
                for (int c = 0; c < use.length; c++) {
                    rows[a][c] = use[c] / (double) n;
                }
            }
        }
        boolean[][] reach = closure(rows);
        boolean[] unknown = new boolean[open()];
        for (int a = 0; a < open(); a++) {
            unknown[a] = rows[a] == null;
            for (int b = 0; b < open(); b++) {
                unknown[a] |= reach[a][b] && rows[b] == null;
            }
        }
        double[][] q = new double[open()][open()];
        double[][] r = new double[open()][2];
        for (int a = 0; a < open(); a++) {
            if (rows[a] != null) {
                System.arraycopy(rows[a], 0, q[a], 0, open());
                r[a][0] = rows[a][won()];
                r[a][1] = rows[a][lost()];
            }
        }
        Double[] within = new Double[open()];
        double[][] power = identity(open());
        double[] sums = new double[open()];
        double[][] cumulative = new double[weeks][];
        for (int k = 1; k <= weeks; k++) {
            double[][] qr = multiply(power, r);
            for (int a = 0; a < open(); a++) {
                sums[a] += qr[a][0];
            }
            cumulative[k - 1] = sums.clone();
            power = multiply(power, q);
        }
        for (int a = 0; a < open(); a++) {
            within[a] = unknown[a] ? null : sums[a];
        }
        return new Chain(counts, rows, pooled, within, eventual(q, r, reach, unknown), cumulative);
    }

    private Double[] eventual(double[][] q, double[][] r, boolean[][] reach, boolean[] unknown) {
        List<Integer> solved = new ArrayList<>();
        Double[] result = new Double[open()];
        for (int a = 0; a < open(); a++) {
            if (unknown[a]) {
                continue;
            }
            boolean absorbs = r[a][0] + r[a][1] > 0;
            for (int b = 0; b < open(); b++) {
                absorbs |= reach[a][b] && r[b][0] + r[b][1] > 0;
            }
            result[a] = 0.0;
            if (absorbs) {
                solved.add(a);
            }
        }
        int n = solved.size();
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1 : 0) - q[solved.get(i)][solved.get(j)];
            }
            m[i][n] = r[solved.get(i)][0];
        }
        double[] x = gauss(m);
        for (int i = 0; i < n; i++) {
            result[solved.get(i)] = x[i];
        }
        return result;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix [A | b]. */
    static double[] gauss(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = m[row][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[row][c] -= factor * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /** reach[a][b]: b is reachable from a in one step or more through transitions of positive probability. */
    private boolean[][] closure(double[][] rows) {
        boolean[][] reach = new boolean[open()][open()];
        for (int a = 0; a < open(); a++) {
            for (int b = 0; b < open(); b++) {
                reach[a][b] = rows[a] != null && rows[a][b] > 0;
            }
        }
        for (int k = 0; k < open(); k++) {
            for (int a = 0; a < open(); a++) {
                for (int b = 0; b < open(); b++) {
                    reach[a][b] |= reach[a][k] && reach[k][b];
                }
            }
        }
        return reach;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    // ---------------------------------------------------------------- forecast

    public record DealPrediction(String dealId, int state, Double within, Double eventual) {
    }

    public record Answer(Chain chain, List<DealPrediction> deals, double expectedWins, double[] expectedByWeek,
                         int lower, int upper, Map<String, double[]> amounts) {
    }

    public Answer forecast(List<List<DealEvent>> deals, long at, int weeks) {
        Chain chain = fit(deals, at, weeks);
        List<DealPrediction> predictions = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        Map<String, double[]> amounts = new TreeMap<>();
        for (List<DealEvent> events : deals) {
            int state = stateAt(events, at);
            if (state < 0 || state >= open()) {
                continue;
            }
            String id = ((DealOpenedEvent) events.get(0)).dealId();
            Double p = chain.within()[state];
            predictions.add(new DealPrediction(id, state, p, chain.eventual()[state]));
            if (p != null) {
                ps.add(p);
                Oracle.Deal deal = oracle.deal(events);
                BigDecimal amount = deal.amount;
                String currency = deal.currency;
                if (amount != null) {
                    double[] sums = amounts.computeIfAbsent(currency == null ? "" : currency, c -> new double[3]);
                    sums[0]++;
                    sums[1] += amount.doubleValue();
                    sums[2] += p * amount.doubleValue();
                }
            }
        }
        predictions.sort((x, y) -> x.dealId().compareTo(y.dealId()));
        double expected = ps.stream().mapToDouble(Double::doubleValue).sum();
        double[] byWeek = new double[weeks];
        for (DealPrediction prediction : predictions) {
            for (int k = 1; k <= weeks && prediction.within() != null; k++) {
                byWeek[k - 1] += chain.cumulative()[k - 1][prediction.state()]
                        - (k == 1 ? 0 : chain.cumulative()[k - 2][prediction.state()]);
            }
        }
        double[] pmf = poissonBinomial(ps);
        return new Answer(chain, predictions, expected, byWeek, quantile(pmf, 0.1), quantile(pmf, 0.9), amounts);
    }

    /** P(X = x) for x = 0 … n by the full recurrence over every trial. */
    public static double[] poissonBinomial(List<Double> ps) {
        double[] pmf = new double[ps.size() + 1];
        pmf[0] = 1;
        for (int i = 0; i < ps.size(); i++) {
            double p = ps.get(i);
            for (int x = i + 1; x >= 1; x--) {
                pmf[x] = pmf[x] * (1 - p) + pmf[x - 1] * p;
            }
            pmf[0] *= 1 - p;
        }
        return pmf;
    }

    public static int quantile(double[] pmf, double level) {
        double cumulative = 0;
        for (int x = 0; x < pmf.length; x++) {
            cumulative += pmf[x];
            if (cumulative >= level) {
                return x;
            }
        }
        return pmf.length - 1;
    }

    // ---------------------------------------------------------------- backtest

    /** Scores as DESIGN §10.4 defines them, over individual predictions. */
    public record Scores(int n, double brier, double logLoss, long[] binCount, double[] binMeanP, double[] binRate,
                         double ece, Double coverage) {
    }

    public record Date(long at, int predictions, int actualWins, double expected, int lower, int upper,
                       double baselineExpected, int baselineLower, int baselineUpper) {
    }

    public record Backtest(List<Date> dates, int open, Scores model, Scores baseline) {
    }

    public Backtest backtest(List<List<DealEvent>> deals, long asOf, int weeks, int dateCount) {
        List<double[]> modelPredictions = new ArrayList<>();
        List<double[]> baselinePredictions = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        int open = 0;
        int[] covered = new int[2];
        int withPredictions = 0;
        for (int j = weeks; j < weeks + dateCount; j++) {
            long f = asOf - j * WEEK;
            Chain chain = fit(deals, f, weeks);
            long[] closedVisited = new long[stageCount + 1];
            long[] wonVisited = new long[stageCount + 1];
            for (List<DealEvent> events : deals) {
                List<DealEvent> prefix = prefix(events, f);
                if (prefix.isEmpty()) {
                    continue;
                }
                Oracle.Deal deal = oracle.deal(prefix);
                if (deal.status.equals("open")) {
                    continue;
                }
                for (int s = 1; s <= stageCount; s++) {
                    if (deal.visited(s)) {
                        closedVisited[s]++;
                        if (deal.status.equals("won")) {
                            wonVisited[s]++;
                        }
                    }
                }
            }
            List<Double> ps = new ArrayList<>();
            List<Double> pbs = new ArrayList<>();
            int wins = 0;
            for (List<DealEvent> events : deals) {
                int state = stateAt(events, f);
                if (state < 0 || state >= open()) {
                    continue;
                }
                open++;
                int stage = state / 4 + 1;
                Double p = chain.within()[state];
                if (p == null || closedVisited[stage] == 0) {
                    continue;
                }
                double pb = (double) wonVisited[stage] / closedVisited[stage];
                boolean won = false;
                for (DealEvent event : events) {
                    long t = event.occurredAt().toEpochMilli();
                    won |= event instanceof DealWonEvent && t > f && t <= f + weeks * WEEK;
                }
                ps.add(p);
                pbs.add(pb);
                wins += won ? 1 : 0;
                modelPredictions.add(new double[] {p, won ? 1 : 0});
                baselinePredictions.add(new double[] {pb, won ? 1 : 0});
            }
            double[] pmf = poissonBinomial(ps);
            double[] baselinePmf = poissonBinomial(pbs);
            Date date = new Date(f, ps.size(), wins, ps.stream().mapToDouble(Double::doubleValue).sum(),
                    quantile(pmf, 0.1), quantile(pmf, 0.9), pbs.stream().mapToDouble(Double::doubleValue).sum(),
                    quantile(baselinePmf, 0.1), quantile(baselinePmf, 0.9));
            dates.add(date);
            if (!ps.isEmpty()) {
                withPredictions++;
                covered[0] += wins >= date.lower() && wins <= date.upper() ? 1 : 0;
                covered[1] += wins >= date.baselineLower() && wins <= date.baselineUpper() ? 1 : 0;
            }
        }
        Double modelCoverage = withPredictions == 0 ? null : (double) covered[0] / withPredictions;
        Double baselineCoverage = withPredictions == 0 ? null : (double) covered[1] / withPredictions;
        return new Backtest(dates, open, scores(modelPredictions, modelCoverage),
                scores(baselinePredictions, baselineCoverage));
    }

    /** @param predictions pairs {p, 1 when won else 0} */
    public static Scores scores(List<double[]> predictions, Double coverage) {
        int n = predictions.size();
        if (n == 0) {
            return null;
        }
        double brier = 0;
        double logLoss = 0;
        long[] count = new long[10];
        double[] sumP = new double[10];
        double[] sumWon = new double[10];
        for (double[] prediction : predictions) {
            double p = prediction[0];
            double y = prediction[1];
            brier += (p - y) * (p - y);
            double c = Math.min(1 - CLIP, Math.max(CLIP, p));
            logLoss += -(y * Math.log(c) + (1 - y) * Math.log(1 - c));
            int bin = p >= 1 ? 9 : (int) (p * 10);
            count[bin]++;
            sumP[bin] += p;
            sumWon[bin] += y;
        }
        double[] meanP = new double[10];
        double[] rate = new double[10];
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                meanP[b] = sumP[b] / count[b];
                rate[b] = sumWon[b] / count[b];
                ece += count[b] / (double) n * Math.abs(meanP[b] - rate[b]);
            }
        }
        return new Scores(n, brier / n, logLoss / n, count, meanP, rate, ece, coverage);
    }
}
