package io.pipelens.query.analytics.skipimpact;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjusted p-values (q-values). With the m non-null p-values in ascending order p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * q₍ᵢ₎ = min over j ≥ i of min(1, p₍ⱼ₎·m/j). Tied p-values get the same q. Null p-values stay null and do not count
 * in m.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    public static Double[] adjust(Double[] pValues) {
        Integer[] order = new Integer[pValues.length];
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (pValues[i] != null) {
                order[m++] = i;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, m);
        Arrays.sort(ranked, Comparator.comparingDouble(i -> pValues[i]));
        Double[] q = new Double[pValues.length];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = ranked[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            q[index] = running;
        }
        return q;
    }
}
