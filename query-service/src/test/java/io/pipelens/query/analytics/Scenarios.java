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
import io.pipelens.query.analytics.bottlenecks.Bottlenecks;
import io.pipelens.query.analytics.oracle.Oracle;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyFold;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Random pipelines, deal histories and queries for the property tests, each scenario drawn from one seed (a failing
 * test names its seed). Histories are generated as small scripts of steps and turned into events that the Deal aggregate would accept: moves to another stage while open, wins and
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

    /** System property: the first seed of a property test's run. */
    public static final String SEED_PROPERTY = "pipelens.test.first-seed";

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

    /**
     * The seeds a property test runs over: {@code count} consecutive seeds from the system property
     * {@value #SEED_PROPERTY} (0 unless given), so a run is reproducible and another start explores other histories.
     */
    public static LongStream seeds(int count) {
        long first = Long.getLong(SEED_PROPERTY, 0L);
        return LongStream.range(first, first + count);
    }

    /** A scenario of 1 to {@code maxDeals} histories of up to 10 steps, drawn from {@code seed}. */
    public static Scenario scenario(long seed, int maxDeals) {
        Draw draw = new Draw(seed);
        Setup setup = setup(draw);
        return withQuestion(draw, setup, scripts(draw, draw.between(1, maxDeals), 0, 10), 0.8);
    }

    /**
     * Many short histories over two or three stages, asked mostly about all deals, so that skipped groups of 20 and
     * more, with every expected cell at 5 or more, are common.
     */
    static Scenario largeScenario(long seed) {
        Draw draw = new Draw(seed);
        Setup setup = firstVersion(draw, draw.between(2, 3));
        return withQuestion(draw, setup, scripts(draw, draw.between(150, 900), 1, 3), 0.95);
    }

    /**
     * The engine's index, fed as a projection would be: every event delivered twice, the journey upserted after each
     * delivery, deals interleaved in an order shuffled by the scenario's own content.
     */
    public static AnalyticIndex indexAsProjected(Scenario scenario) {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, scenario.setup().version());
        List<List<DealEvent>> histories = new ArrayList<>(scenario.histories());
        Collections.shuffle(histories, new Random(histories.size()));
        for (List<DealEvent> history : histories) {
            DealJourney journey = null;
            for (int sequence = 0; sequence < history.size(); sequence++) {
                for (int delivery = 0; delivery < 2; delivery++) {
                    journey = JourneyFold.apply(journey, history.get(sequence), sequence);
                    index.upsert(journey);
                }
            }
        }
        return index;
    }

    /**
     * The scenario with every event time rounded down to its UTC day: many events then fall exactly on day, week and
     * month boundaries, and more share one instant. Rounding down keeps each deal's events in order.
     */
    public static Scenario onWholeDays(Scenario scenario) {
        List<List<DealEvent>> histories = new ArrayList<>();
        for (List<DealEvent> history : scenario.histories()) {
            histories.add(history.stream().map(event -> at(event,
                    Instant.ofEpochMilli(Math.floorDiv(event.occurredAt().toEpochMilli(), DAY) * DAY))).toList());
        }
        return new Scenario(scenario.setup(), histories, scenario.question());
    }

    private static DealEvent at(DealEvent event, Instant at) {
        if (event instanceof DealOpenedEvent e) {
            return new DealOpenedEvent(e.dealId(), e.pipelineId(), e.stage(), e.attributes(), at);
        }
        if (event instanceof DealMovedToStageEvent e) {
            return new DealMovedToStageEvent(e.dealId(), e.pipelineId(), e.fromStage(), e.toStage(), at,
                    e.confirmedCriteria());
        }
        if (event instanceof DealWonEvent e) {
            return new DealWonEvent(e.dealId(), e.pipelineId(), e.stage(), at, e.confirmedCriteria());
        }
        if (event instanceof DealLostEvent e) {
            return new DealLostEvent(e.dealId(), e.pipelineId(), e.stage(), e.reason(), at);
        }
        if (event instanceof DealReopenedEvent e) {
            return new DealReopenedEvent(e.dealId(), e.pipelineId(), e.stage(), at);
        }
        DealAttributesChangedEvent e = (DealAttributesChangedEvent) event;
        return new DealAttributesChangedEvent(e.dealId(), e.pipelineId(), e.attributes(), at);
    }

    /** Questions are drawn after the histories, so their times can fall exactly on event times. */
    private static Scenario withQuestion(Draw draw, Setup setup, List<Script> scripts, double unfiltered) {
        List<List<DealEvent>> histories = histories(setup, scripts);
        return new Scenario(setup, histories, question(draw, eventTimes(histories), unfiltered));
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

    static Setup setup(Draw draw) {
        int rawCount = draw.between(1, 6);
        return draw.chance(0.5) ? firstVersion(draw, rawCount) : laterVersion(draw, rawCount);
    }

    private static List<String> rawKeys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "r" + i).toList();
    }

    static Setup firstVersion(Draw draw, int rawCount) {
        List<String> raw = rawKeys(rawCount);
        return new Setup(1, stages(draw.shuffled(raw), expectedDays(draw, rawCount)), List.of(), raw);
    }

    static Setup laterVersion(Draw draw, int rawCount) {
        List<String> raw = rawKeys(rawCount);
        List<String> candidates = new ArrayList<>(raw);
        candidates.addAll(List.of("s1", "s2", "s3", "s4"));
        int stageCount = draw.between(1, 5);
        List<String> keys = draw.shuffled(candidates).subList(0, stageCount);
        List<Integer> days = expectedDays(draw, stageCount);
        List<StageMapping> mapping = new ArrayList<>();
        for (int i = 0; i < rawCount; i++) {
            int choice = draw.between(0, stageCount + 1);
            if (choice >= 1 && choice <= stageCount) {
                mapping.add(StageMapping.to(raw.get(i), keys.get(choice - 1)));
            } else if (choice == stageCount + 1) {
                mapping.add(StageMapping.absorbed(raw.get(i)));
            }
        }
        return new Setup(draw.between(2, 4), stages(keys, days), List.copyOf(mapping), raw);
    }

    private static List<Integer> expectedDays(Draw draw, int count) {
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(draw.chance(0.6) ? null : draw.between(1, 20));
        }
        return days;
    }

    private static List<StageDefinition> stages(List<String> keys, List<Integer> expectedDays) {
        List<StageDefinition> stages = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            stages.add(new StageDefinition(keys.get(i), "Stage " + keys.get(i), null, null, expectedDays.get(i)));
        }
        return stages;
    }

    private static List<Script> scripts(Draw draw, int count, int minSteps, int maxSteps) {
        List<Script> scripts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scripts.add(script(draw, minSteps, maxSteps));
        }
        return scripts;
    }

    /** A step's delay is 0 ms three times in ten, under a second once in ten, else up to 20 days. */
    static Script script(Draw draw, int minSteps, int maxSteps) {
        int startKey = draw.between(0, 5);
        long openOffset = draw.between(0L, 90 * DAY);
        Attributes attributes = new Attributes(draw.between(0, 3), draw.between(0, 2), draw.between(0, 2),
                draw.between(0, 2), draw.chance(0.2) ? null : draw.between(0, 10_000_000));
        int stepCount = draw.between(minSteps, maxSteps);
        List<Step> steps = new ArrayList<>(stepCount);
        for (int i = 0; i < stepCount; i++) {
            int action = draw.between(0, 11);
            int key = draw.between(0, 5);
            int kind = draw.between(0, 9);
            long delay = kind < 3 ? 0L : kind < 4 ? draw.between(1L, 999L) : draw.between(1_000L, 20 * DAY);
            steps.add(new Step(action, key, delay));
        }
        return new Script(startKey, openOffset, attributes, steps);
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
    static Question question(Draw draw, List<Long> eventTimes, double unfiltered) {
        Supplier<Long> moment = () -> eventTimes.isEmpty() || draw.chance(0.5) ? draw.between(0L, 300 * DAY)
                : draw.pick(eventTimes);
        Population.Basis basis = draw.chance(unfiltered / (1 + unfiltered)) ? Population.Basis.ALL
                : draw.pick(List.of(Population.Basis.values()));
        Long from = draw.chance(0.4) ? null : moment.get();
        Long to = draw.chance(0.4) ? null : moment.get();
        Population population = population(basis, from, to);
        Slice slice = new Slice(draw.chance(unfiltered) ? null : draw.pick(OWNERS),
                draw.chance(unfiltered) ? null : draw.pick(SOURCES),
                draw.chance(unfiltered) ? null : draw.pick(SEGMENTS));
        TimeMode mode = draw.pick(List.of(TimeMode.values()));
        long asOf = moment.get();
        int windowKind = draw.between(0, 2);
        long choice = windowKind == 0 ? -1L : windowKind == 1 ? draw.between(1L, 40 * DAY) : -2 - moment.get();
        return new Question(population, slice, mode, BASE.plusMillis(asOf), window(choice, asOf));
    }

    private static Population population(Population.Basis basis, Long from, Long to) {
        if (basis == Population.Basis.ALL) {
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
        return new Population(basis, low == null ? null : BASE.plusMillis(low),
                high == null ? null : BASE.plusMillis(high));
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

    /** Draws from one seeded source, so a seed names a whole scenario. */
    static final class Draw {

        private final SplittableRandom random;

        Draw(long seed) {
            this.random = new SplittableRandom(seed);
        }

        int between(int low, int high) {
            return random.nextInt(low, high + 1);
        }

        long between(long low, long high) {
            return random.nextLong(low, high + 1);
        }

        boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        <T> List<T> shuffled(List<T> values) {
            List<T> copy = new ArrayList<>(values);
            Collections.shuffle(copy, new Random(random.nextLong()));
            return copy;
        }
    }
}
