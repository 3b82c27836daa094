package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Scenarios;
import io.pipelens.query.analytics.oracle.AdjustedOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against {@link AdjustedOracle} on random histories ({@link StratifiedHistories}): the histories go through
 * the journey fold into an {@link AnalyticIndex}; the oracle builds its deals straight from the events with
 * {@link Oracle#deal}. Counts must be equal; every other figure must agree to 1e-9, relative to its size when that is
 * above 1 (p- and q-values are compared absolutely).
 */
class AdjustedSkipImpactMatchesOracleTest {

    private static final double TOLERANCE = 1e-9;

    static LongStream seeds() {
        return Scenarios.seeds(300);
    }

    private static AdjustedSkipImpactReport engine(StratifiedHistories.Scenario scenario) {
        AnalyticVersion version = Deals.versionOne(scenario.stages().toArray(String[]::new));
        AnalyticIndex index = Deals.index(version, scenario.histories());
        return AdjustedSkipImpact.compute(version, index.deals(), scenario.population(), scenario.slice(),
                scenario.adjustFor());
    }

    private static List<Oracle.Deal> selected(StratifiedHistories.Scenario scenario) {
        List<StageDefinition> stages = new ArrayList<>();
        for (String key : scenario.stages()) {
            stages.add(new StageDefinition(key, key, null, null, null));
        }
        Oracle oracle = new Oracle(stages, List.of());
        return oracle.select(scenario.histories(), new Oracle.Query(scenario.population().basis().name(),
                scenario.population().from(), scenario.population().to(), scenario.slice().owner(),
                scenario.slice().source(), scenario.slice().segment()));
    }

    private static List<AdjustedOracle.Row> oracle(StratifiedHistories.Scenario scenario) {
        return new AdjustedOracle(scenario.stages().size()).adjustedSkipImpact(selected(scenario),
                scenario.adjustFor().stream().map(Enum::name).toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void adjustedSkipImpactMatchesTheOracle(long seed) {
        StratifiedHistories.Scenario scenario = StratifiedHistories.scenario(seed);
        AdjustedSkipImpactReport engine = engine(scenario);
        List<AdjustedOracle.Row> expected = oracle(scenario);

        assertThat(engine.deals()).isEqualTo(selected(scenario).size());
        assertThat(engine.stages()).hasSize(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            AdjustedStageSkipImpact row = engine.stages().get(k);
            AdjustedOracle.Row want = expected.get(k);
            String at = "seed " + seed + " stage " + (k + 1) + " by " + scenario.adjustFor();
            assertThat(List.of(row.skippedLost(), row.skippedWon(), row.visitedLost(), row.visitedWon(),
                    row.strataUsed(), row.strataDropped(), row.dealsInDroppedStrata())).as(at)
                    .isEqualTo(List.of(want.a(), want.b(), want.c(), want.d(), want.used(), want.dropped(),
                            want.dealsDropped()));
            assertThat(row.insufficientData()).as(at + " insufficient").isEqualTo(want.insufficientData());
            assertThat(row.breslowDayDegreesOfFreedom()).as(at + " BD df").isEqualTo(want.degrees());
            close(at + " OR", row.oddsRatio(), want.oddsRatio());
            close(at + " OR CI", row.oddsRatioCi(), want.orLower(), want.orUpper());
            close(at + " RR", row.relativeRisk(), want.relativeRisk());
            close(at + " RR CI", row.relativeRiskCi(), want.rrLower(), want.rrUpper());
            close(at + " CMH", row.cmhChiSquare(), want.chiSquare());
            close(at + " CMH p", row.cmhP(), want.p());
            close(at + " CMH q", row.cmhQ(), want.q());
            close(at + " BD", row.breslowDayChiSquare(), want.breslowDay());
            close(at + " BD p", row.breslowDayP(), want.breslowDayP());
        }
    }

    /** The property above means little unless the scenarios reach every branch; count that they do. */
    @Test
    void theScenariosReachEveryFigure() {
        int[] reached = new int[6];
        seeds().forEach(seed -> {
            for (AdjustedOracle.Row row : oracle(StratifiedHistories.scenario(seed))) {
                reached[0] += row.used() >= 2 ? 1 : 0;
                reached[1] += row.dropped() > 0 ? 1 : 0;
                reached[2] += row.oddsRatio() != null && row.relativeRisk() != null ? 1 : 0;
                reached[3] += row.breslowDay() != null ? 1 : 0;
                reached[4] += row.p() != null && row.p() < 0.05 ? 1 : 0;
                reached[5] += row.insufficientData() ? 0 : 1;
            }
        });

        assertThat(Arrays.stream(reached).min().getAsInt())
                .as("fewest of several strata used, strata dropped, both ratios, Breslow–Day, p < 0.05, enough data: "
                        + Arrays.toString(reached))
                .isGreaterThanOrEqualTo(20);
    }

    private static void close(String what, Interval actual, Double lower, Double upper) {
        assertThat(actual == null).as(what + " is null").isEqualTo(lower == null);
        if (actual != null) {
            close(what + " lower", actual.lower(), lower);
            close(what + " upper", actual.upper(), upper);
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
