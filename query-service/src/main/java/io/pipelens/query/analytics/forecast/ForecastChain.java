package io.pipelens.query.analytics.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The absorbing chain of DESIGN §10.4 fitted from transition counts, with each open state's probability of a win
 * within h steps, Σ_{k=1..h} (Q^{k−1}R)[state, WON], and eventually, ((I − Q)^{−1}R)[state, WON].
 *
 * <p>A state seen fewer than {@link #MIN_PAIRS} times takes the pooled counts of its stage over all ages; with none its
 * probabilities are null, and so are those of every state that can reach it. A state that cannot reach WON or LOST has
 * eventual win probability 0; the others solve (I − Q)x = R[·, WON] over themselves by LU decomposition (Commons
 * Math), where I − Q is regular because each of them reaches absorption.
 */
final class ForecastChain {

    static final int MIN_PAIRS = 10;

    private final ChainStates states;
    private final long[] pairs;
    private final boolean[] pooled;
    private final double[][] rows;
    private final boolean[] unknown;
    private final double[][] within;
    private final double[] eventual;

    private ForecastChain(ChainStates states, long[][] counts, int weeks) {
        this.states = states;
        int open = states.open();
        pairs = new long[open];
        pooled = new boolean[open];
        rows = new double[open][];
        for (int a = 0; a < open; a++) {
            pairs[a] = sum(counts[a]);
        }
        for (int a = 0; a < open; a++) {
            rows[a] = fitRow(counts, a);
        }
        unknown = unknownStates();
        within = withinSteps(weeks);
        eventual = eventually();
    }

    /** @param counts n(a → b) for every open state a (rows) and every state b (columns: open states, WON, LOST) */
    static ForecastChain fit(ChainStates states, long[][] counts, int weeks) {
        return new ForecastChain(states, counts, weeks);
    }

    private double[] fitRow(long[][] counts, int a) {
        long[] from = counts[a];
        long n = pairs[a];
        if (n < MIN_PAIRS) {
            pooled[a] = true;
            from = new long[states.size()];
            int first = a - ChainStates.band(a);
            for (int b = first; b < first + ChainStates.BANDS; b++) {
                for (int c = 0; c < from.length; c++) {
                    from[c] += counts[b][c];
                }
            }
            n = sum(from);
        }
        if (n == 0) {
            return null;
        }
        double[] row = new double[from.length];
        for (int b = 0; b < row.length; b++) {
            row[b] = (double) from[b] / n;
        }
        return row;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }

    /** States whose probabilities are null: without a fitted row, or able to reach one that is. */
    private boolean[] unknownStates() {
        int open = states.open();
        boolean[] result = new boolean[open];
        for (int a = 0; a < open; a++) {
            result[a] = rows[a] == null;
        }
        return spreadBackwards(result);
    }

    /** Marks every state that can reach a marked one through transitions of positive probability. */
    private boolean[] spreadBackwards(boolean[] marked) {
        int open = states.open();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int a = 0; a < open; a++) {
                if (marked[a] || rows[a] == null) {
                    continue;
                }
                for (int b = 0; b < open && !marked[a]; b++) {
                    if (marked[b] && rows[a][b] > 0) {
                        marked[a] = true;
                        changed = true;
                    }
                }
            }
        }
        return marked;
    }

    /** Open-to-open transition matrix Q; rows of unknown states are left at 0, no known state reaches them. */
    private RealMatrix q() {
        int open = states.open();
        double[][] q = new double[open][open];
        for (int a = 0; a < open; a++) {
            if (!unknown[a]) {
                System.arraycopy(rows[a], 0, q[a], 0, open);
            }
        }
        return new Array2DRowRealMatrix(q, false);
    }

    private RealVector toWon() {
        double[] r = new double[states.open()];
        for (int a = 0; a < r.length; a++) {
            r[a] = unknown[a] ? 0 : rows[a][states.won()];
        }
        return new ArrayRealVector(r, false);
    }

    /** Row k − 1: P(won within k steps) for k = 1 … steps. */
    private double[][] withinSteps(int steps) {
        RealMatrix q = q();
        RealVector step = toWon();
        RealVector total = step.copy();
        double[][] result = new double[steps][];
        result[0] = total.toArray();
        for (int k = 2; k <= steps; k++) {
            step = q.operate(step);
            total = total.add(step);
            result[k - 1] = total.toArray();
        }
        return result;
    }

    private double[] eventually() {
        int open = states.open();
        boolean[] absorbs = new boolean[open];
        for (int a = 0; a < open; a++) {
            absorbs[a] = !unknown[a] && rows[a][states.won()] + rows[a][states.lost()] > 0;
        }
        absorbs = spreadBackwards(absorbs);
        int[] solved = new int[open];
        int size = 0;
        for (int a = 0; a < open; a++) {
            if (absorbs[a] && !unknown[a]) {
                solved[size++] = a;
            }
        }
        double[] result = new double[open];
        if (size == 0) {
            return result;
        }
        double[][] system = new double[size][size];
        double[] r = new double[size];
        for (int i = 0; i < size; i++) {
            double[] row = rows[solved[i]];
            for (int j = 0; j < size; j++) {
                system[i][j] = (i == j ? 1 : 0) - row[solved[j]];
            }
            r[i] = row[states.won()];
        }
        RealVector x = new LUDecomposition(new Array2DRowRealMatrix(system, false)).getSolver()
                .solve(new ArrayRealVector(r, false));
        for (int i = 0; i < size; i++) {
            result[solved[i]] = x.getEntry(i);
        }
        return result;
    }

    ChainStates states() {
        return states;
    }

    /** n(a): the training pairs that start in open state {@code a}. */
    long pairs(int a) {
        return pairs[a];
    }

    /** True when the state's row comes from its stage's pooled counts. */
    boolean pooled(int a) {
        return pooled[a];
    }

    /** P̂(a → b), or null when the state has no fitted row. */
    Double transition(int a, int b) {
        return rows[a] == null ? null : rows[a][b];
    }

    /** P(won within the fitted number of weeks | a), or null. */
    Double winWithin(int a) {
        return winWithin(a, within.length);
    }

    /** P(won within {@code weeks} weeks | a), for 1 ≤ weeks ≤ the fitted number; or null. */
    Double winWithin(int a, int weeks) {
        return unknown[a] ? null : within[weeks - 1][a];
    }

    /** P(eventually won | a), or null. */
    Double eventualWin(int a) {
        return unknown[a] ? null : eventual[a];
    }
}
