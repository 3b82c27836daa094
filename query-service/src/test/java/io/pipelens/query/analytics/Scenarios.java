package io.pipelens.query.analytics;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.oracle.Oracle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random pipelines, deal histories and queries for the property tests. Histories are generated as small scripts of
 * steps and turned into events that the Deal aggregate would accept: moves to another stage while open, wins and
 * losses while open, reopenings (also into the stage the deal was closed at) while closed, attribute changes, with
 * many equal timestamps (a step's delay is 0 ms about a third of the time) and starts at any stage.
 *
 * <p>Pipelines are either a version 1 over the recorded keys in random order, or a later version whose stages mix
 * recorded keys and new ones, with a mapping that sends each recorded key to some stage, absorbs it, or leaves it
 * out (then a key the version has maps to itself, and any other is unknown and treated as absorbed).
 *
 * <p>Public so that reports built on the analytics elsewhere (the data-quality report) check against the same
 * generated histories.
 */
public final class Scenarios {

    static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    static final long DAY = 86_400_000L;

    static final List<String> OWNERS = List.of("ann", "bob", "cy");
    static final List<String> SOURCES = List.of("web", "referral");
    static final List<String> SEGMENTS = List.of("smb", "enterprise");
    static final List<String> CURRENCIES = List.of("EUR", "USD");

    private Scenarios() {
    }

    /** A pipeline version: its stages and mapping, and the keys deals record. */
    public record Setup(int number, List<StageDefinition> stages, List<StageMapping> mapping, List<String> rawKeys) {

        public AnalyticVersion version() {
            return AnalyticVersion.of(number, stages, mapping);
        }

        public Oracle oracle() {
            return new Oracle(stages, mapping);
        }
    }

    record Step(int action, int key, long delay) {
    }

    record Attributes(int owner, int source, int segment, int currency, Integer amountCents) {

        DealAttributes toKernel(int shift) {
            String currencyValue = pick(CURRENCIES, currency + shift);
            return new DealAttributes(pick(OWNERS, owner + shift), pick(SOURCES, source + shift),
                    pick(SEGMENTS, segment + shift), currencyValue == null || amountCents == null ? null
                    : BigDecimal.valueOf(amountCents, 2), currencyValue);
        }

        /** Index 0 stands for "none", others pick from the list. */
        private static String pick(List<String> values, int index) {
            int i = index % (values.size() + 1);
            return i == 0 ? null : values.get(i - 1);
        }
    }

    record Script(int startKey, long openOffset, Attributes attributes, List<Step> steps) {
    }

    /** What is asked: population, slice, time-in-stage mode, as-of time and bottleneck window. */
    public record Question(Population population, Slice slice, TimeMode mode, Instant asOf, Duration window) {

        public Oracle.Query toOracle() {
            return new Oracle.Query(population.basis().name(), population.from(), population.to(), slice.owner(),
                    slice.source(), slice.segment());
        }
    }

    public record Scenario(Setup setup, List<List<DealEvent>> histories, Question question) {
    }

    public static Arbitrary<Scenario> scenarios(int maxDeals) {
        return withQuestions(setups(), scripts(0, 10).list().ofMinSize(1).ofMaxSize(maxDeals).withSizeDistribution(RandomDistribution.uniform()), 0.8);
    }

    /**
     * Many short histories over two or three stages, asked mostly about all deals, so that skipped groups of 20 and
     * more, with every expected cell at 5 or more, are common.
     */
    static Arbitrary<Scenario> largeScenarios() {
        Arbitrary<Setup> small = Arbitraries.integers().between(2, 3).flatMap(Scenarios::firstVersion);
        return withQuestions(small, scripts(1, 3).list().ofMinSize(150).ofMaxSize(900).withSizeDistribution(RandomDistribution.uniform()), 0.95);
    }

    /** Questions are drawn after the histories, so their times can fall exactly on event times. */
    private static Arbitrary<Scenario> withQuestions(Arbitrary<Setup> setups, Arbitrary<List<Script>> scripts,
                                                     double unfiltered) {
        return Combinators.combine(setups, scripts).as((setup, list) -> new Scenario(setup,
                histories(setup, list), null)).flatMap(scenario -> questions(eventTimes(scenario.histories()),
                unfiltered).map(question -> new Scenario(scenario.setup(), scenario.histories(), question)));
    }

    private static List<Long> eventTimes(List<List<DealEvent>> histories) {
        List<Long> times = new ArrayList<>();
        for (List<DealEvent> history : histories) {
            for (DealEvent event : history) {
                times.add(event.occurredAt().toEpochMilli() - BASE.toEpochMilli());
            }
        }
        return times;
    }

    static Arbitrary<Setup> setups() {
        return Arbitraries.integers().between(1, 6).flatMap(rawCount -> Arbitraries.oneOf(
                firstVersion(rawCount), laterVersion(rawCount)));
    }

    private static List<String> rawKeys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "r" + i).toList();
    }

    static Arbitrary<Setup> firstVersion(int rawCount) {
        List<String> raw = rawKeys(rawCount);
        return Combinators.combine(Arbitraries.shuffle(raw), expectedDays(rawCount))
                .as((order, days) -> new Setup(1, stages(order, days), List.of(), raw));
    }

    static Arbitrary<Setup> laterVersion(int rawCount) {
        List<String> raw = rawKeys(rawCount);
        List<String> candidates = new ArrayList<>(raw);
        candidates.addAll(List.of("s1", "s2", "s3", "s4"));
        return Arbitraries.integers().between(1, 5).flatMap(stageCount -> Combinators.combine(
                Arbitraries.shuffle(candidates), expectedDays(stageCount),
                Arbitraries.integers().between(0, stageCount + 1).list().ofSize(rawCount),
                Arbitraries.integers().between(2, 4)).as((order, days, choices, number) -> {
                    List<String> keys = order.subList(0, stageCount);
                    List<StageMapping> mapping = new ArrayList<>();
                    for (int i = 0; i < rawCount; i++) {
                        int choice = choices.get(i);
                        if (choice >= 1 && choice <= stageCount) {
                            mapping.add(StageMapping.to(raw.get(i), keys.get(choice - 1)));
                        } else if (choice == stageCount + 1) {
                            mapping.add(StageMapping.absorbed(raw.get(i)));
                        }
                    }
                    return new Setup(number, stages(keys, days), List.copyOf(mapping), raw);
                }));
    }

    private static Arbitrary<List<Integer>> expectedDays(int count) {
        return Arbitraries.integers().between(1, 20).injectNull(0.6).list().ofSize(count);
    }

    private static List<StageDefinition> stages(List<String> keys, List<Integer> expectedDays) {
        List<StageDefinition> stages = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            stages.add(new StageDefinition(keys.get(i), "Stage " + keys.get(i), null, null, expectedDays.get(i)));
        }
        return stages;
    }

    static Arbitrary<Script> scripts(int minSteps, int maxSteps) {
        Arbitrary<Long> delay = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(1, 999)),
                Tuple.of(6, Arbitraries.longs().between(1_000, 20 * DAY)));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 5), delay).as(Step::new);
        Arbitrary<Attributes> attributes = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 10_000_000).injectNull(0.2)).as(Attributes::new);
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.longs().between(0, 90 * DAY),
                attributes, step.list().ofMinSize(minSteps).ofMaxSize(maxSteps)
                        .withSizeDistribution(RandomDistribution.uniform())).as(Script::new);
    }

    static List<List<DealEvent>> histories(Setup setup, List<Script> scripts) {
        List<List<DealEvent>> histories = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            histories.add(history("d" + i, setup.rawKeys(), scripts.get(i)));
        }
        return histories;
    }

    /** Turns a script into events the aggregate would accept. */
    static List<DealEvent> history(String id, List<String> keys, Script script) {
        String pipeline = DealHistory.PIPELINE;
        List<DealEvent> events = new ArrayList<>();
        Instant at = BASE.plusMillis(script.openOffset());
        String stage = keys.get(script.startKey() % keys.size());
        events.add(new DealOpenedEvent(id, pipeline, stage, script.attributes().toKernel(0), at));
        boolean open = true;
        int changes = 0;
        for (Step step : script.steps()) {
            at = at.plusMillis(step.delay());
            String target = keys.get(step.key() % keys.size());
            if (step.action() == 11) {
                events.add(new DealAttributesChangedEvent(id, pipeline, script.attributes().toKernel(++changes), at));
            } else if (!open) {
                events.add(new DealReopenedEvent(id, pipeline, target, at));
                stage = target;
                open = true;
            } else if (step.action() <= 5) {
                if (target.equals(stage)) {
                    if (keys.size() == 1) {
                        continue;
                    }
                    target = keys.get((step.key() + 1) % keys.size());
                }
                events.add(new DealMovedToStageEvent(id, pipeline, stage, target, at));
                stage = target;
            } else if (step.action() <= 8) {
                events.add(new DealWonEvent(id, pipeline, stage, at));
                open = false;
            } else {
                events.add(new DealLostEvent(id, pipeline, stage, "lost", at));
                open = false;
            }
        }
        return events;
    }

    /**
     * Random questions; about half of the moments (period bounds, as-of time) are event times, and some windows
     * start exactly at an event time, so half-open boundaries are exercised.
     */
    static Arbitrary<Question> questions(List<Long> eventTimes, double unfiltered) {
        Arbitrary<Long> anyTime = Arbitraries.longs().between(0, 300 * DAY);
        Arbitrary<Long> moment = eventTimes.isEmpty() ? anyTime
                : Arbitraries.oneOf(anyTime, Arbitraries.of(eventTimes));
        Arbitrary<Population.Basis> basis = Arbitraries.frequencyOf(
                Tuple.of((int) (100 * unfiltered), Arbitraries.just(Population.Basis.ALL)),
                Tuple.of(100, Arbitraries.of(Population.Basis.class)));
        Arbitrary<Population> population = Combinators.combine(basis, moment.injectNull(0.4),
                moment.injectNull(0.4)).as((b, from, to) -> {
                    if (b == Population.Basis.ALL) {
                        return Population.ALL;
                    }
                    Long low = from;
                    Long high = to;
                    if (low != null && high != null && low > high) {
                        low = to;
                        high = from;
                    }
                    if (low != null && low.equals(high)) {
                        high = null;
                    }
                    return new Population(b, low == null ? null : BASE.plusMillis(low),
                            high == null ? null : BASE.plusMillis(high));
                });
        Arbitrary<Slice> slice = Combinators.combine(Arbitraries.of(OWNERS).injectNull(unfiltered),
                Arbitraries.of(SOURCES).injectNull(unfiltered), Arbitraries.of(SEGMENTS).injectNull(unfiltered))
                .as(Slice::new);
        Arbitrary<Long> windowChoice = Arbitraries.oneOf(Arbitraries.just(-1L),
                Arbitraries.longs().between(1, 40 * DAY), moment.map(start -> -2 - start));
        return Combinators.combine(population, slice, Arbitraries.of(TimeMode.class), moment, windowChoice)
                .as((p, s, mode, asOf, choice) -> new Question(p, s, mode, BASE.plusMillis(asOf),
                        window(choice, asOf)));
    }

    /** -1: the default window; ≥ 1: that many ms; ≤ -2: the window that starts at event time -2 - choice. */
    private static Duration window(long choice, long asOf) {
        if (choice == -1) {
            return Bottlenecks.DEFAULT_WINDOW;
        }
        if (choice > 0) {
            return Duration.ofMillis(choice);
        }
        long start = -2 - choice;
        return start < asOf ? Duration.ofMillis(asOf - start) : Bottlenecks.DEFAULT_WINDOW;
    }
}
