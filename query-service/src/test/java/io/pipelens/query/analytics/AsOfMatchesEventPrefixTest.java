package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.Scenarios.Scenario;
import io.pipelens.query.analytics.bottlenecks.Bottlenecks;
import io.pipelens.query.analytics.changeimpact.ChangeImpact;
import io.pipelens.query.analytics.discovery.DiscoveryBasis;
import io.pipelens.query.analytics.discovery.DiscoveryQuestion;
import io.pipelens.query.analytics.discovery.StageDiscovery;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.skipimpact.AdjustFor;
import io.pipelens.query.analytics.skipimpact.AdjustedSkipImpact;
import io.pipelens.query.analytics.skipimpact.SkipImpact;
import io.pipelens.query.analytics.timeinstage.TimeInStage;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import io.pipelens.query.analytics.trend.Trend;
import io.pipelens.query.analytics.trend.TrendInterval;
import io.pipelens.query.analytics.velocity.SalesVelocity;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.Visit;
import io.pipelens.query.quality.JourneyQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every analytic as of an instant t equals the same analytic computed afresh from the event prefix: a new index built
 * from only the events with occurredAt ≤ t (DESIGN §10.1). Histories are the seeded ones of {@link Scenarios}
 * (redefined versions with mapped and absorbed stages, attribute changes, reopenings, many equal timestamps; every
 * other seed on whole UTC days, so that many events share an instant), asked
 * at t drawn before the first event, after the last, at event times and a millisecond either side of them.
 *
 * <p>The fresh index holds the deals in the order the full one does, so that sums in floating point meet the deals
 * in one order and the answers can be compared whole, with equals.
 */
class AsOfMatchesEventPrefixTest {

    private static final int INSTANTS = 12;

    static LongStream seeds() {
        return Scenarios.seeds(400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyAnswerAsOfEqualsTheAnswerOverTheEventPrefix(long seed) {
        Scenario drawn = Scenarios.scenario(seed, 40);
        Scenario scenario = seed % 2 == 0 ? drawn : Scenarios.onWholeDays(drawn);
        AnalyticVersion version = scenario.setup().version();
        AnalyticIndex full = Scenarios.indexAsProjected(scenario);
        Map<String, List<DealEvent>> histories = new HashMap<>();
        scenario.histories().forEach(history -> histories.put(history.get(0).dealId(), history));
        SplittableRandom random = new SplittableRandom(seed);
        for (Instant t : instants(scenario, random)) {
            Map<String, DealJourney> prefix = prefixJourneys(full, histories, t);
            AnalyticIndex fresh = new AnalyticIndex(DealHistory.PIPELINE, version);
            prefix.values().forEach(fresh::upsert);
            String as = "seed " + seed + ", asOf " + t;

            assertSameDeals(as, full.dealsAsOf(t), fresh.deals());
            assertThat(full.lastEventAt(t)).as(as).isEqualTo(lastEvent(histories, t));
            assertSameAnswers(as, version, full.dealsAsOf(t), fresh.deals(), scenario.question(), t,
                    rawSteps(full, histories, t), rawSteps(prefix));
        }
    }

    /**
     * The checks above are not vacuous: the instants they ask at find deals in no stage (DESIGN §10.1), both deals
     * that reach a stage of the version later and deals that never do, and the index holds them.
     */
    @Test
    void theInstantsAskedFindDealsInNoStage() {
        int beforeTheirFirstStage = 0;
        int neverInAStage = 0;
        for (long seed : seeds().toArray()) {
            Scenario drawn = Scenarios.scenario(seed, 40);
            Scenario scenario = seed % 2 == 0 ? drawn : Scenarios.onWholeDays(drawn);
            AnalyticIndex full = Scenarios.indexAsProjected(scenario);
            assertThat(full.size()).isEqualTo(scenario.histories().size());
            for (Instant t : instants(scenario, new SplittableRandom(seed))) {
                for (VersionedJourney deal : full.dealsAsOf(t)) {
                    if (deal.visitCount() == 0) {
                        if (deal.inStageFrom() == VersionedJourney.NEVER) {
                            neverInAStage++;
                        } else {
                            beforeTheirFirstStage++;
                        }
                    }
                }
            }
        }
        assertThat(beforeTheirFirstStage).as("deals as of t before their first stage of the version")
                .isGreaterThan(100);
        assertThat(neverInAStage).as("deals as of t that never reach a stage of the version").isGreaterThan(100);
    }

    /**
     * The index hands its deals out uncut from the latest {@link VersionedJourney#unchangedFrom()} on, so that time
     * must be exact for every deal: as of it the deal is itself, a millisecond before it the deal is cut.
     */
    @Test
    void everyDealIsItselfFromTheTimeItLastChangedAndCutJustBefore() {
        int deals = 0;
        for (long seed : seeds().toArray()) {
            Scenario drawn = Scenarios.scenario(seed, 40);
            Scenario scenario = seed % 2 == 0 ? drawn : Scenarios.onWholeDays(drawn);
            for (VersionedJourney deal : Scenarios.indexAsProjected(scenario).deals()) {
                long from = deal.unchangedFrom();
                assertThat(deal.asOf(from)).as("seed %d, deal %s as of %d", seed, deal.dealId(), from).isSameAs(deal);
                assertThat(deal.asOf(from - 1)).as("seed %d, deal %s a millisecond before", seed, deal.dealId())
                        .isNotSameAs(deal);
                deals++;
            }
        }
        assertThat(deals).isGreaterThan(5_000);
    }

    /** The last event at or before t of all the pipeline's deals, in a stage or not (DESIGN §10.1); null when none. */
    private static Instant lastEvent(Map<String, List<DealEvent>> histories, Instant t) {
        Instant last = null;
        for (List<DealEvent> history : histories.values()) {
            for (DealEvent event : history) {
                if (!event.occurredAt().isAfter(t) && (last == null || event.occurredAt().isAfter(last))) {
                    last = event.occurredAt();
                }
            }
        }
        return last;
    }

    /** Every query of the analytics API, each over both sets of deals. */
    private static void assertSameAnswers(String as, AnalyticVersion version, Iterable<VersionedJourney> asOf,
                                          Iterable<VersionedJourney> fresh, Scenarios.Question question,
                                          Instant t, Function<Collection<String>, Map<String, List<String>>> steps,
                                          Function<Collection<String>, Map<String, List<String>>> freshSteps) {
        Population population = question.population();
        Slice slice = question.slice();
        assertThat(Funnel.compute(version, asOf, population, slice)).as(as)
                .isEqualTo(Funnel.compute(version, fresh, population, slice));
        for (TimeMode mode : TimeMode.values()) {
            assertThat(TimeInStage.compute(version, asOf, population, slice, mode, t)).as(as)
                    .isEqualTo(TimeInStage.compute(version, fresh, population, slice, mode, t));
        }
        Duration window = question.window();
        assertThat(Bottlenecks.compute(version, asOf, population, slice, t, window)).as(as)
                .isEqualTo(Bottlenecks.compute(version, fresh, population, slice, t, window));
        assertThat(SkipImpact.compute(version, asOf, population, slice)).as(as)
                .isEqualTo(SkipImpact.compute(version, fresh, population, slice));
        List<AdjustFor> adjustFor = List.of(AdjustFor.values());
        assertThat(AdjustedSkipImpact.compute(version, asOf, population, slice, adjustFor)).as(as)
                .isEqualTo(AdjustedSkipImpact.compute(version, fresh, population, slice, adjustFor));
        assertThat(SalesVelocity.compute(version, asOf, population, slice)).as(as)
                .isEqualTo(SalesVelocity.compute(version, fresh, population, slice));
        Instant change = question.asOf();
        assertThat(ChangeImpact.compute(version, asOf, slice, change, 7, 30, t)).as(as)
                .isEqualTo(ChangeImpact.compute(version, fresh, slice, change, 7, 30, t));
        for (DiscoveryQuestion discovery : List.of(new DiscoveryQuestion(5, DiscoveryBasis.WON, null, 0.5),
                new DiscoveryQuestion(20, DiscoveryBasis.REACHED, version.key(1), 0.0))) {
            assertThat(StageDiscovery.compute(version, asOf, discovery, steps)).as(as)
                    .isEqualTo(StageDiscovery.compute(version, fresh, discovery, freshSteps));
        }
        Instant from = question.asOf().minus(Duration.ofDays(40));
        for (TrendInterval interval : TrendInterval.values()) {
            assertThat(Trend.compute(version, asOf, slice, from, question.asOf(), interval)).as(as)
                    .isEqualTo(Trend.compute(version, fresh, slice, from, question.asOf(), interval));
        }
        assertThat(JourneyQuality.of(asOf, version, population, slice, 100)).as(as)
                .isEqualTo(JourneyQuality.of(fresh, version, population, slice, 100));
    }

    /** Each deal as of t has the path, closing and attribute values of the deal folded from its prefix alone. */
    private static void assertSameDeals(String as, Iterable<VersionedJourney> asOf, Iterable<VersionedJourney> fresh) {
        List<String> expected = new ArrayList<>();
        fresh.forEach(deal -> expected.add(describe(deal)));
        List<String> actual = new ArrayList<>();
        asOf.forEach(deal -> actual.add(describe(deal)));
        assertThat(actual).as(as).isEqualTo(expected);
    }

    private static String describe(VersionedJourney deal) {
        List<Boolean> reopenings = new ArrayList<>();
        for (int i = 0; i < deal.visitCount(); i++) {
            reopenings.add(deal.beganWithReopening(i));
        }
        return deal.dealId() + " " + deal.outcome() + " closed " + deal.closedAt() + " " + deal.visits() + " "
                + reopenings + " " + deal.owner() + "/" + deal.source() + "/" + deal.segment() + " " + deal.amount()
                + " " + deal.currency() + " last " + deal.lastEventAt() + " highest " + deal.highest() + " visited "
                + deal.visitedPositions();
    }

    /** The journeys folded from each deal's events up to t alone, in the full index's deal order. */
    private static Map<String, DealJourney> prefixJourneys(AnalyticIndex full, Map<String, List<DealEvent>> histories,
                                                           Instant t) {
        Map<String, DealJourney> journeys = new LinkedHashMap<>();
        for (VersionedJourney deal : full.deals()) {
            List<DealEvent> prefix = histories.get(deal.dealId()).stream()
                    .filter(event -> !event.occurredAt().isAfter(t)).toList();
            if (!prefix.isEmpty()) {
                journeys.put(deal.dealId(), DealHistory.fold(prefix));
            }
        }
        return journeys;
    }

    /** Raw steps as the discovery query reads them: the stored journeys' visits begun by t. */
    private static Function<Collection<String>, Map<String, List<String>>> rawSteps(
            AnalyticIndex full, Map<String, List<DealEvent>> histories, Instant t) {
        Map<String, DealJourney> journeys = new HashMap<>();
        full.deals().forEach(deal -> journeys.put(deal.dealId(), DealHistory.fold(histories.get(deal.dealId()))));
        return ids -> {
            Map<String, List<String>> steps = new HashMap<>();
            ids.forEach(id -> steps.put(id, journeys.get(id).visits().stream()
                    .filter(visit -> !visit.enteredAt().isAfter(t)).map(Visit::stage).toList()));
            return steps;
        };
    }

    private static Function<Collection<String>, Map<String, List<String>>> rawSteps(Map<String, DealJourney> prefix) {
        return ids -> {
            Map<String, List<String>> steps = new HashMap<>();
            ids.forEach(id -> steps.put(id, prefix.get(id).visits().stream().map(Visit::stage).toList()));
            return steps;
        };
    }

    /** Before every event, after every event, and event times with a millisecond either side. */
    private static List<Instant> instants(Scenario scenario, SplittableRandom random) {
        List<Instant> events = new ArrayList<>();
        scenario.histories().forEach(history -> history.forEach(event -> events.add(event.occurredAt())));
        List<Instant> instants = new ArrayList<>();
        instants.add(events.stream().min(Instant::compareTo).orElseThrow().minusMillis(1));
        instants.add(events.stream().max(Instant::compareTo).orElseThrow().plusMillis(1));
        while (instants.size() < INSTANTS) {
            Instant event = events.get(random.nextInt(events.size()));
            instants.add(event.plusMillis(random.nextInt(-1, 2)));
        }
        return instants;
    }
}
