package io.pipelens.query.analytics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Scenarios;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.analytics.oracle.CriteriaOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Criteria compliance and impact against {@link CriteriaOracle} on random histories ({@link CriteriaHistories}): the
 * engine reads the journeys folded into an {@link AnalyticIndex} (as they stood at asOf, when the scenario asks as of
 * an instant), the oracle the events up to then. Counts must be equal; every
 * other figure must agree to 1e-9, relative to its size when that is above 1.
 */
class CriteriaMatchesOracleTest {

    private static final double TOLERANCE = 1e-9;

    static LongStream seeds() {
        return Scenarios.seeds(400);
    }

    private static CriteriaHistories.Scenario scenario(long seed) {
        return seed % 4 == 0 ? CriteriaHistories.scenario(seed, 300, 800) : CriteriaHistories.scenario(seed, 1, 40);
    }

    /** The engine's deals, as they stood at the scenario's asOf when it has one. */
    private static Iterable<VersionedJourney> engineDeals(CriteriaHistories.Scenario scenario) {
        AnalyticIndex index = new AnalyticIndex(CriteriaHistories.PIPELINE, scenario.version());
        for (List<DealEvent> history : scenario.histories()) {
            index.upsert(DealHistory.fold(history));
        }
        return scenario.asOf() == null ? index.deals() : index.dealsAsOf(scenario.asOf());
    }

    /** The histories cut at the scenario's asOf: the events that had happened by then, deals without any left out. */
    private static List<List<DealEvent>> histories(CriteriaHistories.Scenario scenario) {
        List<List<DealEvent>> cut = new ArrayList<>();
        for (List<DealEvent> history : scenario.histories()) {
            List<DealEvent> events = history.stream().filter(event -> scenario.asOf() == null
                    || !event.occurredAt().isAfter(scenario.asOf())).toList();
            if (!events.isEmpty()) {
                cut.add(events);
            }
        }
        return cut;
    }

    private static Oracle oracle(CriteriaHistories.Scenario scenario) {
        return new Oracle(scenario.stages(), scenario.mapping());
    }

    /** The histories of the deals the population and slice select, as the oracle selects them. */
    private static List<List<DealEvent>> selected(CriteriaHistories.Scenario scenario) {
        Set<String> ids = new HashSet<>();
        List<List<DealEvent>> histories = histories(scenario);
        for (Oracle.Deal deal : oracle(scenario).select(histories, new Oracle.Query(
                scenario.population().basis().name(), scenario.population().from(), scenario.population().to(),
                scenario.slice().owner(), null, null))) {
            ids.add(deal.id);
        }
        return histories.stream().filter(history -> ids.contains(history.get(0).dealId())).toList();
    }

    private static Map<List<DealEvent>, String> statuses(CriteriaHistories.Scenario scenario,
                                                         List<List<DealEvent>> histories) {
        Map<List<DealEvent>, String> statuses = new HashMap<>();
        for (List<DealEvent> history : histories) {
            statuses.put(history, oracle(scenario).deal(history).status);
        }
        return statuses;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void complianceMatchesTheOracle(long seed) {
        CriteriaHistories.Scenario scenario = scenario(seed);
        List<List<DealEvent>> selected = selected(scenario);
        ComplianceReport engine = CriteriaCompliance.compute(scenario.version(), engineDeals(scenario),
                scenario.population(), scenario.slice());
        List<CriteriaOracle.Compliance> expected = new CriteriaOracle(scenario.stages(), scenario.mapping())
                .compliance(selected);

        assertThat(engine.deals()).as("deals").isEqualTo(selected.size());
        assertThat(engine.stages()).hasSize(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            StageCompliance stage = engine.stages().get(k);
            CriteriaOracle.Compliance want = expected.get(k);
            String at = "seed " + seed + " stage " + stage.key();
            assertThat(List.of(stage.forwardExits(), stage.recorded(), stage.fullyConfirmed())).as(at)
                    .isEqualTo(List.of(want.forwardExits(), want.recorded(), want.fullyConfirmed()));
            close(at + " recorded share", stage.recordedShareCi(), Oracle.wilson(want.recorded(), want.forwardExits()));
            close(at + " full share", stage.fullyConfirmedShareCi(), Oracle.wilson(want.fullyConfirmed(),
                    want.recorded()));
            assertThat(stage.items()).as(at + " items").hasSize(want.items().size());
            for (int j = 0; j < want.items().size(); j++) {
                ItemCompliance item = stage.items().get(j);
                CriteriaOracle.Item wantItem = want.items().get(j);
                assertThat(List.of(item.key(), item.confirmed(), item.recorded())).as(at + " item " + j)
                        .isEqualTo(List.of(wantItem.key(), wantItem.confirmed(), wantItem.recorded()));
                close(at + " item share " + j, item.share(), wantItem.recorded() == 0 ? null
                        : (double) wantItem.confirmed() / wantItem.recorded());
                close(at + " item ci " + j, item.shareCi(), wantItem.ci());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void impactMatchesTheOracle(long seed) {
        CriteriaHistories.Scenario scenario = scenario(seed);
        List<List<DealEvent>> selected = selected(scenario);
        ImpactReport engine = CriteriaImpact.compute(scenario.version(), engineDeals(scenario),
                scenario.population(), scenario.slice(), null);
        List<CriteriaOracle.ImpactRow> expected = new CriteriaOracle(scenario.stages(), scenario.mapping())
                .impact(selected, statuses(scenario, selected));

        assertThat(engine.closedDeals()).isEqualTo((int) selected.stream()
                .filter(history -> !oracle(scenario).deal(history).status.equals("open")).count());
        List<CriteriaTable> tables = new ArrayList<>();
        for (StageCriteriaImpact stage : engine.stages()) {
            tables.add(stage.checklist());
            stage.items().forEach(item -> tables.add(item.impact()));
        }
        assertThat(tables).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            CriteriaTable row = tables.get(r);
            Oracle.SkipStage want = expected.get(r).table();
            String at = "seed " + seed + " stage " + expected.get(r).stage() + " item " + expected.get(r).item();
            assertThat(List.of(row.unconfirmedLost(), row.unconfirmedWon(), row.confirmedLost(), row.confirmedWon()))
                    .as(at).isEqualTo(List.of(want.a(), want.b(), want.c(), want.d()));
            assertThat(row.insufficientData()).as(at + " insufficient").isEqualTo(want.insufficientData());
            close(at + " lost rate unconfirmed", row.lostRateUnconfirmed(), want.lostRateSkipped());
            close(at + " lost rate confirmed", row.lostRateConfirmed(), want.lostRateVisited());
            close(at + " lost rate unconfirmed ci", row.lostRateUnconfirmedCi(), want.lostRateSkippedCi());
            close(at + " lost rate confirmed ci", row.lostRateConfirmedCi(), want.lostRateVisitedCi());
            close(at + " RD", row.riskDifference(), want.riskDifference());
            close(at + " RR", row.relativeRisk(), want.relativeRisk());
            close(at + " RR CI", row.relativeRiskCi(), want.rrLower() == null ? null
                    : new Oracle.Ci(want.rrLower(), want.rrUpper()));
            close(at + " OR", row.oddsRatio(), want.oddsRatio());
            close(at + " OR CI", row.oddsRatioCi(), want.orLower() == null ? null
                    : new Oracle.Ci(want.orLower(), want.orUpper()));
            close(at + " p", row.fisherP(), want.p());
            close(at + " q", row.q(), want.q());
        }
    }

    /** The properties above mean little unless the scenarios reach every case; count that they do. */
    @Test
    void theScenariosReachEveryCase() {
        int[] reached = new int[7];
        seeds().forEach(seed -> {
            CriteriaHistories.Scenario scenario = scenario(seed);
            boolean redefined = scenario.number() > 1;
            reached[0] += redefined && scenario.mapping().stream().anyMatch(m -> m.absorbed()) ? 1 : 0;
            reached[1] += redefined && scenario.mapping().stream().filter(m -> !m.absorbed())
                    .map(m -> m.to()).distinct().count() < scenario.mapping().stream().filter(m -> !m.absorbed())
                    .count() ? 1 : 0;
            reached[2] += redefined && scenario.mapping().stream().anyMatch(m -> !m.absorbed()
                    && !m.to().equals(m.from())) ? 1 : 0;
            List<List<DealEvent>> selected = selected(scenario);
            for (CriteriaOracle.Compliance stage : new CriteriaOracle(scenario.stages(), scenario.mapping())
                    .compliance(selected)) {
                reached[3] += stage.recorded() > 0 && stage.fullyConfirmed() < stage.recorded() ? 1 : 0;
                reached[4] += stage.forwardExits() > stage.recorded() ? 1 : 0;
            }
            for (CriteriaOracle.ImpactRow row : new CriteriaOracle(scenario.stages(), scenario.mapping())
                    .impact(selected, statuses(scenario, selected))) {
                reached[5] += row.table().p() != null && row.table().p() < 0.05 ? 1 : 0;
                reached[6] += row.table().insufficientData() ? 0 : 1;
            }
        });

        assertThat(Arrays.stream(reached).min().getAsInt())
                .as("fewest of absorbed keys, merged keys, renamed keys, incomplete exits, unrecorded exits,"
                        + " p < 0.05, enough data: " + Arrays.toString(reached))
                .isGreaterThanOrEqualTo(20);
    }

    private static void close(String what, Interval actual, Oracle.Ci expected) {
        assertThat(actual == null).as(what + " is null").isEqualTo(expected == null);
        if (actual != null) {
            close(what + " lower", actual.lower(), expected.lower());
            close(what + " upper", actual.upper(), expected.upper());
        }
    }

    private static void close(String what, Double actual, Double expected) {
        if (actual == null || expected == null) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double tolerance = TOLERANCE * Math.max(1, Math.max(Math.abs(actual), Math.abs(expected)));
        assertThat(Math.abs(actual - expected)).as(what + ": engine " + actual + ", oracle " + expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
