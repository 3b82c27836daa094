package io.pipelens.query.analytics.discovery;

import io.pipelens.query.analytics.oracle.Oracle;
import io.pipelens.query.analytics.oracle.Oracle.Ci;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealStatusView;
import io.pipelens.query.deal.Visit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DESIGN §9.3 written out plainly from the stored journeys, apart from the engine: no analytic index, no
 * {@code StepOrder}; every figure counted afresh by scanning lists.
 *
 * @param positions the position under the version of every raw key (no key is absorbed in the scenarios)
 */
record DiscoveryOracle(List<DealJourney> journeys, Map<String, Integer> positions) {

    record Step(String key, int deals, double coverage, Ci coverageCi, double meanPosition) {
    }

    record Lacking(String key, int lost, Double lostShare, Ci lostCi, int sample, Double sampleShare, Ci sampleCi) {
    }

    record Answer(List<String> sampleIds, Instant first, Instant last, List<Step> steps, List<String> order,
                  Map<String, Integer> before, List<String> conflicts, int lostDeals, List<Lacking> lacking) {
    }

    Answer answer(int last, boolean reachedBasis, int reachedPosition, double minCoverage) {
        List<DealJourney> basis = new ArrayList<>();
        for (DealJourney deal : journeys) {
            boolean won = deal.status() == DealStatusView.WON;
            boolean nearlyWon = reachedBasis && deal.status() == DealStatusView.LOST
                    && highest(deal) >= reachedPosition;
            if (won || nearlyWon) {
                basis.add(deal);
            }
        }
        basis.sort(Comparator.comparing(DealJourney::closedAt).reversed().thenComparing(DealJourney::id));
        List<DealJourney> sample = basis.subList(0, Math.min(last, basis.size()));
        List<List<String>> paths = sample.stream().map(DiscoveryOracle::distinctSteps).toList();
        int n = sample.size();

        TreeSet<String> allSteps = new TreeSet<>();
        paths.forEach(allSteps::addAll);
        List<Step> steps = new ArrayList<>();
        for (String key : allSteps) {
            int deals = 0;
            double sum = 0;
            for (List<String> path : paths) {
                int rank = path.indexOf(key);
                if (rank >= 0) {
                    deals++;
                    sum += path.size() == 1 ? 0 : (double) rank / (path.size() - 1);
                }
            }
            steps.add(new Step(key, deals, (double) deals / n, Oracle.wilson(deals, n), sum / deals));
        }
        List<String> order = steps.stream().filter(s -> s.coverage() >= minCoverage)
                .sorted(Comparator.comparingDouble(Step::meanPosition)
                        .thenComparing(Comparator.comparingDouble(Step::coverage).reversed())
                        .thenComparing(Step::key))
                .map(Step::key).toList();

        Map<String, Integer> before = new TreeMap<>();
        for (String x : allSteps) {
            for (String y : allSteps) {
                int count = 0;
                for (List<String> path : paths) {
                    if (path.contains(x) && path.contains(y) && path.indexOf(x) < path.indexOf(y)) {
                        count++;
                    }
                }
                if (count > 0) {
                    before.put(x + ">" + y, count);
                }
            }
        }
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                int asProposed = before.getOrDefault(order.get(i) + ">" + order.get(j), 0);
                int reversed = before.getOrDefault(order.get(j) + ">" + order.get(i), 0);
                if (reversed > asProposed) {
                    conflicts.add(order.get(i) + ">" + order.get(j) + " " + asProposed + " vs " + reversed);
                }
            }
        }

        Instant first = n == 0 ? null : sample.get(n - 1).closedAt();
        Instant lastClose = n == 0 ? null : sample.get(0).closedAt();
        List<List<String>> lost = new ArrayList<>();
        for (DealJourney deal : journeys) {
            if (n > 0 && deal.status() == DealStatusView.LOST && !deal.closedAt().isBefore(first)
                    && !deal.closedAt().isAfter(lastClose)) {
                lost.add(distinctSteps(deal));
            }
        }
        List<Lacking> lacking = new ArrayList<>();
        for (String key : order) {
            int lostLacking = (int) lost.stream().filter(path -> !path.contains(key)).count();
            int sampleLacking = (int) paths.stream().filter(path -> !path.contains(key)).count();
            lacking.add(new Lacking(key, lostLacking, lost.isEmpty() ? null : (double) lostLacking / lost.size(),
                    Oracle.wilson(lostLacking, lost.size()), sampleLacking, (double) sampleLacking / n,
                    Oracle.wilson(sampleLacking, n)));
        }
        return new Answer(sample.stream().map(DealJourney::id).toList(), first, lastClose, steps, order, before,
                conflicts, lost.size(), lacking);
    }

    private int highest(DealJourney deal) {
        return deal.visits().stream().mapToInt(visit -> positions.get(visit.stage())).max().orElse(0);
    }

    private static List<String> distinctSteps(DealJourney deal) {
        List<String> distinct = new ArrayList<>();
        for (Visit visit : deal.visits()) {
            if (!distinct.contains(visit.stage())) {
                distinct.add(visit.stage());
            }
        }
        return distinct;
    }
}
