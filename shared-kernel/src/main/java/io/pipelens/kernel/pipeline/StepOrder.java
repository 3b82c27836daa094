package io.pipelens.kernel.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The order the steps of a set of deals suggest (DESIGN §9.3), shared by stage discovery and by an import that makes
 * a pipeline of a log's activities, so both order the same steps alike. Each deal counts its distinct steps in order
 * of first occurrence, L of them: per step, the deals containing it, its mean position (over those deals, (rank − 1)
 * ÷ (L − 1), 0 when L = 1) and, per pair, before(x, y) = deals containing both where x comes first. The order keeps
 * the steps whose coverage reaches a minimum and sorts them by mean position, then coverage descending, then key.
 */
public final class StepOrder {

    private final int deals;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    private final List<Integer> containing = new ArrayList<>();
    private final List<Double> positionSums = new ArrayList<>();
    private int[][] before = new int[0][0];

    private StepOrder(int deals) {
        this.deals = deals;
    }

    /** @param paths each deal's steps as recorded, in order, repeats included */
    public static StepOrder of(List<? extends List<String>> paths) {
        StepOrder order = new StepOrder(paths.size());
        for (List<String> path : paths) {
            order.add(new ArrayList<>(new LinkedHashSet<>(path)));
        }
        return order;
    }

    private void add(List<String> distinct) {
        int length = distinct.size();
        int[] ids = new int[length];
        for (int rank = 0; rank < length; rank++) {
            int id = idOf(distinct.get(rank));
            ids[rank] = id;
            containing.set(id, containing.get(id) + 1);
            positionSums.set(id, positionSums.get(id) + (length == 1 ? 0.0 : rank / (double) (length - 1)));
        }
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                before[ids[i]][ids[j]]++;
            }
        }
    }

    private int idOf(String step) {
        Integer known = index.get(step);
        if (known != null) {
            return known;
        }
        int id = steps.size();
        index.put(step, id);
        steps.add(step);
        containing.add(0);
        positionSums.add(0.0);
        if (id >= before.length) {
            int size = Math.max(8, before.length * 2);
            int[][] grown = new int[size][size];
            for (int i = 0; i < before.length; i++) {
                System.arraycopy(before[i], 0, grown[i], 0, before.length);
            }
            before = grown;
        }
        return id;
    }

    /** Deals counted. */
    public int deals() {
        return deals;
    }

    /** Every step of the deals, in order of first appearance. */
    public List<String> steps() {
        return List.copyOf(steps);
    }

    /** Deals containing the step (0 for a step none has). */
    public int containing(String step) {
        Integer id = index.get(step);
        return id == null ? 0 : containing.get(id);
    }

    /** Share of the deals containing the step; 0 when there are no deals. */
    public double coverage(String step) {
        return deals == 0 ? 0 : containing(step) / (double) deals;
    }

    /** Mean relative position of the step over the deals containing it; null when none does. */
    public Double meanPosition(String step) {
        Integer id = index.get(step);
        return id == null || containing.get(id) == 0 ? null : positionSums.get(id) / containing.get(id);
    }

    /** Deals containing both steps where {@code first} comes before {@code then}. */
    public int before(String first, String then) {
        Integer x = index.get(first);
        Integer y = index.get(then);
        return x == null || y == null ? 0 : before[x][y];
    }

    /** The steps whose coverage is at least {@code minCoverage}, in the proposed order. */
    public List<String> order(double minCoverage) {
        return steps.stream().filter(step -> coverage(step) >= minCoverage)
                .sorted(Comparator.comparingDouble((String step) -> meanPosition(step))
                        .thenComparing(Comparator.comparingInt(this::containing).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
