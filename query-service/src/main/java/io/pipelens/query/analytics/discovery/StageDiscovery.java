package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StepOrder;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.LongList;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.analytics.WilsonInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage discovery from recent deals (DESIGN §9.3). The analytic index chooses the sample (closed deals of the basis,
 * close time descending, then deal id ascending) and the lost deals closed within its close times; the steps are the
 * raw stage keys the deals' events carry, which the index keeps beside each deal's mapped path
 * ({@link VersionedJourney#rawSteps()}), so discovery reads no stored journey.
 */
public final class StageDiscovery {

    private static final Comparator<VersionedJourney> MOST_RECENTLY_CLOSED = Comparator
            .comparingLong(VersionedJourney::closedAt).reversed().thenComparing(VersionedJourney::dealId);

    private StageDiscovery() {
    }

    /**
     * Discovery over the deals' own raw steps ({@link VersionedJourney#rawSteps()}).
     *
     * @param deals the deals of {@code version}, as of the time asked ({@link VersionedJourney#asOf(long)})
     * @throws io.pipelens.kernel.ViolationException naming {@code reachedStage} when the version lacks it
     */
    public static DiscoveryReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                          DiscoveryQuestion question) {
        return discover(version, deals, question, asked -> {
            Map<String, List<String>> steps = new HashMap<>();
            asked.forEach(deal -> steps.put(deal.dealId(), deal.rawSteps()));
            return steps;
        });
    }

    /**
     * Discovery over raw steps given from elsewhere (the stored journeys), to check the steps the index keeps.
     *
     * @param rawSteps each asked deal's raw stage keys in visit order, by deal id
     * @throws io.pipelens.kernel.ViolationException naming {@code reachedStage} when the version lacks it
     */
    public static DiscoveryReport compute(AnalyticIndex index, DiscoveryQuestion question,
                                          Function<Collection<String>, Map<String, List<String>>> rawSteps) {
        return compute(index.version(), index.deals(), question, rawSteps);
    }

    /**
     * @param deals    the deals of {@code version}, as of the time the raw steps are read up to
     * @param rawSteps each asked deal's raw stage keys in visit order, by deal id
     */
    public static DiscoveryReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                          DiscoveryQuestion question,
                                          Function<Collection<String>, Map<String, List<String>>> rawSteps) {
        return discover(version, deals, question,
                asked -> rawSteps.apply(asked.stream().map(VersionedJourney::dealId).collect(Collectors.toSet())));
    }

    /** @param rawSteps the raw stage keys of the asked deals (the sample and the lost deals), by deal id */
    private static DiscoveryReport discover(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                            DiscoveryQuestion question,
                                            Function<List<VersionedJourney>, Map<String, List<String>>> rawSteps) {
        int reached = question.reachedPosition(version);
        // one pass over the deals, keeping the close times beside the deals so that choosing reads no deal again
        List<VersionedJourney> candidates = new ArrayList<>();
        LongList candidateCloses = new LongList();
        List<VersionedJourney> lostDeals = new ArrayList<>();
        LongList lostCloses = new LongList();
        for (VersionedJourney deal : deals) {
            boolean lost = deal.outcome() == Outcome.LOST;
            if (deal.outcome() == Outcome.WON || reached > 0 && lost && deal.highest() >= reached) {
                candidates.add(deal);
                candidateCloses.add(deal.closedAt());
            }
            if (lost) {
                lostDeals.add(deal);
                lostCloses.add(deal.closedAt());
            }
        }
        List<VersionedJourney> sample = mostRecent(candidates, candidateCloses, question.last());
        if (sample.isEmpty()) {
            return new DiscoveryReport(0, 0, 0, null, null, List.of(), List.of(), List.of(), List.of(), 0, List.of(),
                    List.of());
        }
        long from = sample.get(sample.size() - 1).closedAt();
        long to = sample.get(0).closedAt();
        List<String> lost = new ArrayList<>();
        List<VersionedJourney> asked = new ArrayList<>(sample);
        for (int i = 0; i < lostDeals.size(); i++) {
            if (lostCloses.get(i) >= from && lostCloses.get(i) <= to) {
                lost.add(lostDeals.get(i).dealId());
                asked.add(lostDeals.get(i));
            }
        }
        Map<String, List<String>> raw = rawSteps.apply(asked);
        StepOrder order = StepOrder.of(sample.stream().map(deal -> raw.getOrDefault(deal.dealId(), List.of()))
                .toList());
        List<String> proposed = order.order(question.minCoverage());
        int won = (int) sample.stream().filter(deal -> deal.outcome() == Outcome.WON).count();
        return new DiscoveryReport(sample.size(), won, sample.size() - won, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to), steps(order, proposed), proposed, precedence(order), conflicts(order, proposed),
                lost.size(), lostComparison(order, proposed, lost.stream().map(id -> raw.getOrDefault(id, List.of()))
                .toList()), draft(version, proposed));
    }

    /**
     * The first {@code last} of {@code deals} in {@link #MOST_RECENTLY_CLOSED} order ({@code closes} holding their
     * close times): only the deals closed at or after the last-th latest close time are sorted, as no other can be
     * among them.
     */
    private static List<VersionedJourney> mostRecent(List<VersionedJourney> deals, LongList closes, int last) {
        long earliest = Long.MIN_VALUE;
        if (last < deals.size()) {
            long[] sorted = new long[deals.size()];
            Arrays.setAll(sorted, closes::get);
            Arrays.sort(sorted);
            earliest = sorted[sorted.length - last];
        }
        List<VersionedJourney> latest = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            if (closes.get(i) >= earliest) {
                latest.add(deals.get(i));
            }
        }
        latest.sort(MOST_RECENTLY_CLOSED);
        return latest.subList(0, Math.min(last, latest.size()));
    }

    private static List<DiscoveredStep> steps(StepOrder order, List<String> proposed) {
        List<String> keys = new ArrayList<>(proposed);
        order.steps().stream().filter(step -> !proposed.contains(step)).sorted().forEach(keys::add);
        List<DiscoveredStep> steps = new ArrayList<>();
        for (String key : keys) {
            int position = proposed.indexOf(key);
            steps.add(new DiscoveredStep(key, order.containing(key), order.coverage(key),
                    WilsonInterval.of(order.containing(key), order.deals()), order.meanPosition(key),
                    position < 0 ? null : position + 1));
        }
        return steps;
    }

    /** Every ordered pair of steps some deal did in that order, by first step then second, in key order. */
    private static List<StepPrecedence> precedence(StepOrder order) {
        List<String> keys = order.steps().stream().sorted().toList();
        List<StepPrecedence> pairs = new ArrayList<>();
        for (String first : keys) {
            for (String then : keys) {
                int deals = order.before(first, then);
                if (deals > 0) {
                    pairs.add(new StepPrecedence(first, then, deals));
                }
            }
        }
        return pairs;
    }

    private static List<OrderConflict> conflicts(StepOrder order, List<String> proposed) {
        List<OrderConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            for (int j = i + 1; j < proposed.size(); j++) {
                String first = proposed.get(i);
                String then = proposed.get(j);
                if (order.before(then, first) > order.before(first, then)) {
                    conflicts.add(new OrderConflict(first, then, order.before(first, then), order.before(then, first)));
                }
            }
        }
        return conflicts;
    }

    private static List<LostStep> lostComparison(StepOrder sample, List<String> proposed, List<List<String>> lost) {
        List<Set<String>> lostSteps = lost.stream().<Set<String>>map(HashSet::new).toList();
        List<LostStep> steps = new ArrayList<>();
        for (String key : proposed) {
            int lostLacking = (int) lostSteps.stream().filter(has -> !has.contains(key)).count();
            int sampleLacking = sample.deals() - sample.containing(key);
            steps.add(new LostStep(key, lostLacking, share(lostLacking, lost.size()),
                    WilsonInterval.of(lostLacking, lost.size()), sampleLacking, share(sampleLacking, sample.deals()),
                    WilsonInterval.of(sampleLacking, sample.deals())));
        }
        return steps;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    /** The proposed steps as stages; a step that is a stage of the version keeps that stage's name. */
    private static List<StageDefinition> draft(AnalyticVersion version, List<String> proposed) {
        Map<String, String> names = new HashMap<>();
        version.stages().forEach(stage -> names.put(stage.key(), stage.name()));
        return proposed.stream().map(key -> new StageDefinition(key, names.getOrDefault(key, key), null, null, null))
                .toList();
    }
}
