package io.pipelens.query.analytics.criteria;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Random deal histories that confirm exit criteria, each scenario drawn from one seed. Deals record under version 1
 * (raw keys r1..rN in that order, each with up to three items from a small pool of keys, so that stages share item
 * keys): a forward move or a win carries a subset of the leaving stage's items three times in four (an empty list
 * among them), other moves and losses carry none; a deal that moved on with an item missing is won less often, so
 * that there are effects to find; reopenings, zero delays and starts at any stage are common.
 * Half of the scenarios analyse them under a later version whose stages mix raw keys and new ones, each with its own
 * items from the pool, and whose mapping sends each raw key to some stage, absorbs it, or leaves it out: keys merged
 * into one stage, absorbed stages, and confirmations counted for a stage under another name all occur. Half of the
 * scenarios are asked as of an instant within the histories.
 */
final class CriteriaHistories {

    static final String PIPELINE = "sales";
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = 86_400_000L;
    private static final List<String> POOL = List.of("budget", "deadline", "plan", "problem", "access");

    /** @param asOf the instant the question is as of; null for after every event */
    record Scenario(List<StageDefinition> stages, List<StageMapping> mapping, int number,
                    List<List<DealEvent>> histories, Population population, Slice slice, Instant asOf) {

        AnalyticVersion version() {
            return AnalyticVersion.of(number, stages, mapping);
        }
    }

    private CriteriaHistories() {
    }

    /** A scenario of {@code minDeals} to {@code maxDeals} deals. */
    static Scenario scenario(long seed, int minDeals, int maxDeals) {
        SplittableRandom random = new SplittableRandom(seed);
        int rawCount = between(random, 2, 6);
        List<StageDefinition> recorded = new ArrayList<>();
        for (int i = 1; i <= rawCount; i++) {
            recorded.add(stage("r" + i, items(random)));
        }
        List<List<DealEvent>> histories = new ArrayList<>();
        int deals = between(random, minDeals, maxDeals);
        for (int d = 0; d < deals; d++) {
            histories.add(history("d" + d, recorded, random));
        }
        Slice slice = random.nextDouble() < 0.8 ? Slice.ALL : new Slice(pick(random, List.of("ann", "bob")), null,
                null);
        Population population = random.nextDouble() < 0.8 ? Population.ALL : new Population(Population.Basis.OPENED,
                BASE.plusMillis(between(random, 0L, 30 * DAY)), null);
        Instant asOf = random.nextDouble() < 0.5 ? null : BASE.plusMillis(between(random, 20 * DAY, 200 * DAY));
        if (random.nextDouble() < 0.5) {
            return new Scenario(recorded, List.of(), 1, histories, population, slice, asOf);
        }
        List<String> candidates = new ArrayList<>();
        for (StageDefinition stage : recorded) {
            candidates.add(stage.key());
        }
        candidates.addAll(List.of("s1", "s2", "s3"));
        Collections.shuffle(candidates, new Random(random.nextLong()));
        int stageCount = between(random, 1, 5);
        List<StageDefinition> stages = new ArrayList<>();
        for (String key : candidates.subList(0, stageCount)) {
            stages.add(stage(key, items(random)));
        }
        List<StageMapping> mapping = new ArrayList<>();
        for (StageDefinition raw : recorded) {
            int choice = between(random, 0, stageCount + 1);
            if (choice >= 1 && choice <= stageCount) {
                mapping.add(StageMapping.to(raw.key(), stages.get(choice - 1).key()));
            } else if (choice == stageCount + 1) {
                mapping.add(StageMapping.absorbed(raw.key()));
            }
        }
        return new Scenario(stages, mapping, 2, histories, population, slice, asOf);
    }

    private static StageDefinition stage(String key, List<CriterionDefinition> items) {
        return new StageDefinition(key, "Stage " + key, null, null, null, items.isEmpty() && key.hashCode() % 2 == 0
                ? null : items);
    }

    private static List<CriterionDefinition> items(SplittableRandom random) {
        List<String> keys = new ArrayList<>(POOL);
        Collections.shuffle(keys, new Random(random.nextLong()));
        List<CriterionDefinition> items = new ArrayList<>();
        for (String key : keys.subList(0, between(random, 0, 3))) {
            items.add(new CriterionDefinition(key, "The client confirmed the " + key));
        }
        return items;
    }

    private static List<DealEvent> history(String id, List<StageDefinition> stages, SplittableRandom random) {
        List<DealEvent> events = new ArrayList<>();
        Instant at = BASE.plusMillis(between(random, 0L, 60 * DAY));
        int stage = between(random, 0, stages.size() - 1);
        DealAttributes attributes = new DealAttributes(pick(random, List.of("ann", "bob", "cy")), null, null, null,
                null);
        events.add(new DealOpenedEvent(id, PIPELINE, stages.get(stage).key(), attributes, at));
        boolean open = true;
        boolean missed = false;
        int steps = between(random, 0, 10);
        for (int i = 0; i < steps; i++) {
            at = at.plusMillis(random.nextDouble() < 0.3 ? 0 : between(random, 1L, 20 * DAY));
            int target = between(random, 0, stages.size() - 1);
            double action = random.nextDouble();
            if (!open) {
                events.add(new DealReopenedEvent(id, PIPELINE, stages.get(target).key(), at));
                stage = target;
                open = true;
            } else if (action < 0.6) {
                if (target == stage) {
                    target = (target + 1) % stages.size();
                }
                List<String> confirmed = target > stage ? confirmed(stages.get(stage), random) : null;
                missed |= confirmed != null && confirmed.size() < size(stages.get(stage));
                events.add(new DealMovedToStageEvent(id, PIPELINE, stages.get(stage).key(), stages.get(target).key(),
                        at, confirmed));
                stage = target;
            } else if (action < (missed ? 0.68 : 0.8)) {
                events.add(new DealWonEvent(id, PIPELINE, stages.get(stage).key(), at,
                        confirmed(stages.get(stage), random)));
                open = false;
            } else {
                events.add(new DealLostEvent(id, PIPELINE, stages.get(stage).key(), "lost", at));
                open = false;
            }
        }
        return events;
    }

    private static int size(StageDefinition stage) {
        return stage.criteria() == null ? 0 : stage.criteria().size();
    }

    /** A subset of the stage's items three times in four (each item kept with probability 0.7), else not recorded. */
    private static List<String> confirmed(StageDefinition stage, SplittableRandom random) {
        if (random.nextDouble() < 0.25) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (CriterionDefinition item : stage.criteria() == null ? List.<CriterionDefinition>of() : stage.criteria()) {
            if (random.nextDouble() < 0.7) {
                keys.add(item.key());
            }
        }
        return keys;
    }

    private static int between(SplittableRandom random, int low, int high) {
        return random.nextInt(low, high + 1);
    }

    private static long between(SplittableRandom random, long low, long high) {
        return random.nextLong(low, high + 1);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
