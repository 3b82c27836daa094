package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.query.analytics.Scenarios.Scenario;
import io.pipelens.query.analytics.bottlenecks.BottleneckReport;
import io.pipelens.query.analytics.bottlenecks.Bottlenecks;
import io.pipelens.query.analytics.bottlenecks.StageLoad;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.funnel.FunnelReport;
import io.pipelens.query.analytics.funnel.FunnelStage;
import io.pipelens.query.analytics.oracle.Oracle;
import io.pipelens.query.analytics.skipimpact.SkipImpact;
import io.pipelens.query.analytics.skipimpact.SkipImpactReport;
import io.pipelens.query.analytics.skipimpact.StageSkipImpact;
import io.pipelens.query.analytics.timeinstage.StageTimes;
import io.pipelens.query.analytics.timeinstage.TimeInStage;
import io.pipelens.query.analytics.timeinstage.TimeInStageReport;
import io.pipelens.query.analytics.velocity.CurrencyVelocity;
import io.pipelens.query.analytics.velocity.SalesVelocity;
import io.pipelens.query.analytics.velocity.VelocityReport;
import io.pipelens.query.deal.JourneyFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the oracle on random histories: events go through {@link JourneyFold} (each delivered twice, as
 * at-least-once delivery may) into journeys, every intermediate journey is upserted into an {@link AnalyticIndex}
 * (deals in shuffled order), and every figure must equal the oracle's, computed straight from the events. Counts
 * must be equal; every other figure must agree to a relative 1e-9.
 */
class EngineMatchesOracleTest {

    private static final double RELATIVE = 1e-9;

    static LongStream seeds1000() {
        return Scenarios.seeds(1000);
    }

    static LongStream seeds500() {
        return Scenarios.seeds(500);
    }

    static LongStream seeds200() {
        return Scenarios.seeds(200);
    }

    static LongStream seeds100() {
        return Scenarios.seeds(100);
    }

    static LongStream seeds30() {
        return Scenarios.seeds(30);
    }

    private static Scenario scenario(long seed) {
        return Scenarios.scenario(seed, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds1000")
    void pathsMatchTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        AnalyticVersion version = scenario.setup().version();
        Oracle oracle = scenario.setup().oracle();
        for (List<DealEvent> history : scenario.histories()) {
            VersionedJourney deal = VersionedJourney.of(DealHistory.fold(history), version);
            Oracle.Deal expected = oracle.deal(history);
            List<Oracle.Visit> path = new ArrayList<>();
            for (PathVisit visit : deal.visits()) {
                path.add(new Oracle.Visit(visit.position(), visit.enteredAt().toEpochMilli(),
                        visit.exitedAt() == null ? null : visit.exitedAt().toEpochMilli()));
            }
            assertThat(path).as("path of %s", deal.dealId()).isEqualTo(expected.path);
            assertThat(deal.outcome().name().toLowerCase()).isEqualTo(expected.status);
            assertThat(deal.openedAt()).isEqualTo(expected.openedAt);
            assertThat(deal.closedAt()).isEqualTo(expected.closedAt == null ? VersionedJourney.OPEN
                    : expected.closedAt);
            assertThat(deal.currency()).isEqualTo(expected.currency);
            assertThat(deal.owner()).isEqualTo(expected.owner);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void funnelMatchesTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        FunnelReport engine = Funnel.compute(Scenarios.indexAsProjected(scenario), scenario.question().population(),
                scenario.question().slice());
        Oracle.Funnel expected = scenario.setup().oracle().funnel(selected(scenario));

        assertThat(engine.version()).isEqualTo(scenario.setup().number());
        assertThat(List.of(engine.deals(), engine.open(), engine.won(), engine.lost()))
                .isEqualTo(List.of(expected.deals(), expected.open(), expected.won(), expected.lost()));
        close("win rate", engine.winRate(), expected.winRate());
        close("win rate CI", engine.winRateCi(), expected.winRateCi());
        for (int k = 0; k < expected.stages().size(); k++) {
            FunnelStage row = engine.stages().get(k);
            Oracle.FunnelStage want = expected.stages().get(k);
            String at = "stage " + (k + 1);
            assertThat(List.of(row.reached(), row.visited(), row.skipped(), row.openAt(), row.lostAt(),
                    row.wonFrom(), row.progressed(), row.progressedStrict())).as(at).isEqualTo(List.of(want.reached(),
                    want.visited(), want.skipped(), want.openAt(), want.lostAt(), want.wonFrom(), want.progressed(),
                    want.progressedStrict()));
            close(at + " conversion", row.stageConversion(), want.stageConversion());
            close(at + " strict conversion", row.strictStageConversion(), want.strictStageConversion());
            close(at + " resolved", row.resolvedConversion(), want.resolvedConversion());
            close(at + " strict resolved", row.strictResolvedConversion(), want.strictResolvedConversion());
            close(at + " conversion CI", row.stageConversionCi(), want.stageConversionCi());
            close(at + " strict conversion CI", row.strictStageConversionCi(), want.strictStageConversionCi());
            close(at + " resolved CI", row.resolvedConversionCi(), want.resolvedConversionCi());
            close(at + " strict resolved CI", row.strictResolvedConversionCi(), want.strictResolvedConversionCi());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void timeInStageMatchesTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        checkTimeInStage(scenario);
    }

    /** Samples of more than 512 values are sorted by the radix sort, so they get their own property. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds30")
    void timeInStageAndBottlenecksMatchTheOracleOnLargeSamples(long seed) {
        Scenario scenario = Scenarios.largeScenario(seed);
        checkTimeInStage(scenario);
        checkBottlenecks(scenario, Scenarios.indexAsProjected(scenario), scenario.question().asOf(), scenario.question().window());
    }

    private void checkTimeInStage(Scenario scenario) {
        Scenarios.Question q = scenario.question();
        TimeInStageReport engine = TimeInStage.compute(Scenarios.indexAsProjected(scenario), q.population(), q.slice(),
                q.mode(), q.asOf());
        List<Oracle.StageTime> expected = scenario.setup().oracle().timeInStage(selected(scenario), q.mode().name(),
                q.asOf());

        for (int k = 0; k < expected.size(); k++) {
            StageTimes row = engine.stages().get(k);
            Oracle.StageTime want = expected.get(k);
            String at = "stage " + (k + 1);
            assertThat(row.durations().count()).as(at + " count").isEqualTo(want.summary().count());
            assertThat(row.firstVisits()).as(at + " first visits").isEqualTo(want.firstVisits());
            assertThat(row.censored()).as(at + " censored").isEqualTo(want.censored());
            close(at + " mean", row.durations().meanSeconds(), want.summary().mean());
            close(at + " median", row.durations().medianSeconds(), want.summary().median());
            close(at + " p75", row.durations().p75Seconds(), want.summary().p75());
            close(at + " p90", row.durations().p90Seconds(), want.summary().p90());
            close(at + " max", row.durations().maxSeconds(), want.summary().max());
            close(at + " KM median", row.kaplanMeierMedianSeconds(), want.kaplanMeierMedian());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void skipImpactMatchesTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        checkSkipImpact(scenario);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds100")
    void skipImpactMatchesTheOracleOnLargeSamples(long seed) {
        Scenario scenario = Scenarios.largeScenario(seed);
        checkSkipImpact(scenario);
    }

    private void checkSkipImpact(Scenario scenario) {
        SkipImpactReport engine = SkipImpact.compute(Scenarios.indexAsProjected(scenario),
                scenario.question().population(), scenario.question().slice());
        List<Oracle.SkipStage> expected = scenario.setup().oracle().skipImpact(selected(scenario));

        for (int k = 0; k < expected.size(); k++) {
            StageSkipImpact row = engine.stages().get(k);
            Oracle.SkipStage want = expected.get(k);
            String at = "stage " + (k + 1);
            assertThat(List.of(row.skippedLost(), row.skippedWon(), row.visitedLost(), row.visitedWon())).as(at)
                    .isEqualTo(List.of(want.a(), want.b(), want.c(), want.d()));
            assertThat(row.insufficientData()).as(at + " insufficient").isEqualTo(want.insufficientData());
            close(at + " lost rate skipped", row.lostRateSkipped(), want.lostRateSkipped());
            close(at + " lost rate visited", row.lostRateVisited(), want.lostRateVisited());
            close(at + " lost rate skipped CI", row.lostRateSkippedCi(), want.lostRateSkippedCi());
            close(at + " lost rate visited CI", row.lostRateVisitedCi(), want.lostRateVisitedCi());
            close(at + " risk difference", row.riskDifference(), want.riskDifference());
            close(at + " RR", row.relativeRisk(), want.relativeRisk());
            close(at + " RR lower", row.relativeRiskCi() == null ? null : row.relativeRiskCi().lower(),
                    want.rrLower());
            close(at + " RR upper", row.relativeRiskCi() == null ? null : row.relativeRiskCi().upper(),
                    want.rrUpper());
            close(at + " OR", row.oddsRatio(), want.oddsRatio());
            close(at + " OR lower", row.oddsRatioCi() == null ? null : row.oddsRatioCi().lower(), want.orLower());
            close(at + " OR upper", row.oddsRatioCi() == null ? null : row.oddsRatioCi().upper(), want.orUpper());
            close(at + " p", row.fisherP(), want.p());
            close(at + " q", row.q(), want.q());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void bottlenecksMatchTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        Scenarios.Question q = scenario.question();
        AnalyticIndex index = Scenarios.indexAsProjected(scenario);
        checkBottlenecks(scenario, index, q.asOf(), q.window());
        List<Long> exits = exitTimes(scenario);
        for (int i = 0; i < Math.min(3, exits.size()); i++) {
            long exit = exits.get((i * 7919) % exits.size());
            long last = exits.get(exits.size() - 1);
            checkBottlenecks(scenario, index, Instant.ofEpochMilli(exit), q.window());
            if (exit < last) {
                checkBottlenecks(scenario, index, Instant.ofEpochMilli(last), Duration.ofMillis(last - exit));
            }
        }
    }

    /** As of the question's time, of every event time and the millisecond before it, and long after the last. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void lastEventMatchesTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        AnalyticIndex index = Scenarios.indexAsProjected(scenario);
        Oracle oracle = scenario.setup().oracle();
        List<Instant> times = new ArrayList<>(List.of(scenario.question().asOf(),
                Instant.parse("2100-01-01T00:00:00Z")));
        for (List<DealEvent> history : scenario.histories()) {
            for (DealEvent event : history) {
                times.add(event.occurredAt());
                times.add(event.occurredAt().minusMillis(1));
            }
        }
        for (Instant asOf : times) {
            assertThat(index.lastEventAt(asOf)).as("as of %s", asOf)
                    .isEqualTo(oracle.lastEventAt(scenario.histories(), asOf));
        }
    }

    /** Also asks as of exit times, and with windows starting at exit times, where half-open boundaries bite. */
    private static void checkBottlenecks(Scenario scenario, AnalyticIndex index, Instant asOf, Duration window) {
        Scenarios.Question q = scenario.question();
        BottleneckReport engine = Bottlenecks.compute(index, q.population(), q.slice(), asOf, window);
        Oracle.Bottlenecks expected = scenario.setup().oracle().bottlenecks(selected(scenario), asOf, window);

        String when = " as of " + asOf + " over " + window;
        assertThat(engine.bottleneckPosition()).as("bottleneck" + when).isEqualTo(expected.bottleneck());
        for (int k = 0; k < expected.stages().size(); k++) {
            StageLoad row = engine.stages().get(k);
            Oracle.Load want = expected.stages().get(k);
            String at = "stage " + (k + 1) + when;
            assertThat(List.of(row.wip(), row.stuck(), row.exits())).as(at)
                    .isEqualTo(List.of(want.wip(), want.stuck(), want.exits()));
            close(at + " median age", row.medianAgeSeconds(), want.medianAge());
            close(at + " p90 age", row.p90AgeSeconds(), want.p90Age());
            close(at + " threshold", row.stuckThresholdSeconds(), want.threshold());
            close(at + " wait", row.expectedWaitDays(), want.expectedWaitDays());
        }
    }

    /** Times of moves, wins and losses, ascending. */
    private static List<Long> exitTimes(Scenario scenario) {
        List<Long> times = new ArrayList<>();
        for (List<DealEvent> history : scenario.histories()) {
            for (DealEvent event : history) {
                if (event instanceof DealMovedToStageEvent || event instanceof DealWonEvent
                        || event instanceof DealLostEvent) {
                    times.add(event.occurredAt().toEpochMilli());
                }
            }
        }
        Collections.sort(times);
        return times;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void salesVelocityMatchesTheOracle(long seed) {
        Scenario scenario = scenario(seed);
        VelocityReport engine = SalesVelocity.compute(Scenarios.indexAsProjected(scenario),
                scenario.question().population(), scenario.question().slice());
        Map<String, Oracle.Velocity> expected = scenario.setup().oracle().salesVelocity(selected(scenario));

        assertThat(engine.currencies().stream().map(CurrencyVelocity::currency).toList())
                .isEqualTo(List.copyOf(expected.keySet()));
        for (CurrencyVelocity row : engine.currencies()) {
            Oracle.Velocity want = expected.get(row.currency());
            String at = row.currency();
            assertThat(List.of(row.openDeals(), row.wonDeals(), row.lostDeals())).as(at)
                    .isEqualTo(List.of(want.open(), want.won(), want.lost()));
            close(at + " average won", row.averageWonAmount(), want.averageWonAmount());
            close(at + " win rate", row.winRate(), want.winRate());
            close(at + " win rate CI", row.winRateCi(), want.winRateCi());
            close(at + " days to win", row.averageDaysToWin(), want.averageDaysToWin());
            close(at + " velocity", row.velocityPerDay(), want.velocity());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void theIndexEndsTheSameWhateverTheOrderAndRepetitionOfUpdates(long seed) {
        Scenario scenario = scenario(seed);
        AnalyticIndex once = new AnalyticIndex(DealHistory.PIPELINE, scenario.setup().version());
        for (List<DealEvent> history : scenario.histories()) {
            once.upsert(DealHistory.fold(history));
        }
        AnalyticIndex replayed = Scenarios.indexAsProjected(scenario);
        Scenarios.Question q = scenario.question();

        assertThat(replayed.size()).isEqualTo(once.size());
        assertThat(Funnel.compute(replayed, q.population(), q.slice()))
                .isEqualTo(Funnel.compute(once, q.population(), q.slice()));
        assertThat(TimeInStage.compute(replayed, q.population(), q.slice(), q.mode(), q.asOf()))
                .isEqualTo(TimeInStage.compute(once, q.population(), q.slice(), q.mode(), q.asOf()));
        assertThat(SkipImpact.compute(replayed, q.population(), q.slice()))
                .isEqualTo(SkipImpact.compute(once, q.population(), q.slice()));
        assertThat(Bottlenecks.compute(replayed, q.population(), q.slice(), q.asOf(), q.window()))
                .isEqualTo(Bottlenecks.compute(once, q.population(), q.slice(), q.asOf(), q.window()));
    }

    private static List<Oracle.Deal> selected(Scenario scenario) {
        return scenario.setup().oracle().select(scenario.histories(), scenario.question().toOracle());
    }

    private static void close(String what, Interval actual, Oracle.Ci expected) {
        assertThat(actual == null).as(what + " is null").isEqualTo(expected == null);
        if (expected != null) {
            close(what + " lower", actual.lower(), expected.lower());
            close(what + " upper", actual.upper(), expected.upper());
        }
    }

    private static void close(String what, Double actual, Double expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double tolerance = RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
        assertThat(Math.abs(actual - expected)).as(what + ": engine " + actual + ", oracle " + expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
