package io.pipelens.query.analytics.skipimpact;

/**
 * One stratum's 2×2 table of skip impact (DESIGN §7): rows skipped / visited the stage, columns lost / won.
 *
 * @param a skipped and lost
 * @param b skipped and won
 * @param c visited and lost
 * @param d visited and won
 */
public record Stratum2x2(int a, int b, int c, int d) {

    private static final int MIN_SKIPPED = 20;
    private static final int MIN_EXPECTED = 5;

    /**
     * @throws IllegalArgumentException when a cell is negative
     */
    public Stratum2x2 {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("cells must not be negative, were " + a + ", " + b + ", " + c + ", " + d);
        }
    }

    /** n1 = a + b, the deals that skipped the stage. */
    public int skipped() {
        return a + b;
    }

    /** n0 = c + d, the deals that visited the stage. */
    public int visited() {
        return c + d;
    }

    /** m1 = a + c, the deals lost. */
    public int lost() {
        return a + c;
    }

    /** m0 = b + d, the deals won. */
    public int won() {
        return b + d;
    }

    /** n = a + b + c + d. */
    public int total() {
        return a + b + c + d;
    }

    /** True when both groups hold a deal, so that the stratum takes part in the adjusted figures. */
    public boolean comparable() {
        return skipped() > 0 && visited() > 0;
    }

    /** True when all four margins are positive, so that the stratum takes part in the Breslow–Day test. */
    public boolean allMarginsPositive() {
        return comparable() && lost() > 0 && won() > 0;
    }

    /** The cell-by-cell sum of two tables. */
    public Stratum2x2 plus(Stratum2x2 other) {
        return new Stratum2x2(a + other.a, b + other.b, c + other.c, d + other.d);
    }

    /**
     * DESIGN §7's flag: fewer than 20 deals skipped, or some expected cell (row total × column total ÷ n) below 5,
     * which is decided in integers; always true for an empty table.
     */
    public boolean insufficientData() {
        long n = total();
        long smallestProduct = (long) Math.min(skipped(), visited()) * Math.min(lost(), won());
        return skipped() < MIN_SKIPPED || n == 0 || smallestProduct < MIN_EXPECTED * n;
    }
}
