package io.pipelens.query.analytics.forecast;

import io.pipelens.query.analytics.VersionedJourney;

/**
 * Deals' states on a weekly grid g_m = end − 7m days, m = first … last, and the training pairs of DESIGN §10.4 they
 * give: for each m above first, every deal open at g_m with its state at g_{m−1}, counted per m so that a fit at any
 * g_j can sum the 52 weeks before it. One pass over a deal's path per grid instant.
 */
final class TrainingPairs {

    static final int WEEKS_OF_HISTORY = 52;
    static final long WEEK = 7 * 86_400_000L;

    private final ChainStates states;
    private final long end;
    private final int first;
    private final long[][][] counts;

    /** @param end the instant of m = 0, epoch ms */
    TrainingPairs(ChainStates states, long end, int first, int last) {
        this.states = states;
        this.end = end;
        this.first = first;
        this.counts = new long[last - first + 1][][];
    }

    long instant(int m) {
        return end - m * WEEK;
    }

    int first() {
        return first;
    }

    int last() {
        return first + counts.length - 1;
    }

    /**
     * Reads the deal's states at g_first … g_last into {@code into} (index m − first) and counts its pairs.
     *
     * @return false when the deal did not exist at g_first, so it has no state on the grid
     */
    boolean add(VersionedJourney deal, int[] into) {
        if (deal.openedAt() > instant(first)) {
            return false;
        }
        for (int i = 0; i < counts.length; i++) {
            into[i] = states.stateAt(deal, instant(first + i));
        }
        for (int i = 1; i < counts.length; i++) {
            int from = into[i];
            if (states.isOpen(from)) {
                if (counts[i] == null) {
                    counts[i] = new long[states.open()][states.size()];
                }
                counts[i][from][into[i - 1]]++;
            }
        }
        return true;
    }

    /** The counts n(a → b) of the pairs that start at g_{j+1} … g_{j+52}: a fit as of g_j. */
    long[][] countsBefore(int j) {
        long[][] total = new long[states.open()][states.size()];
        for (int m = j + 1; m <= j + WEEKS_OF_HISTORY; m++) {
            long[][] week = m - first < counts.length ? counts[m - first] : null;
            if (week != null) {
                for (int a = 0; a < total.length; a++) {
                    for (int b = 0; b < total[a].length; b++) {
                        total[a][b] += week[a][b];
                    }
                }
            }
        }
        return total;
    }

    static long total(long[][] counts) {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }
}
