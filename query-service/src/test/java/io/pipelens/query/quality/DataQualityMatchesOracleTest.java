package io.pipelens.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.Scenarios;
import io.pipelens.query.analytics.Scenarios.Scenario;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-quality report against {@link QualityOracle} on the random histories the analytics are tested on (starts
 * at any stage, backward moves, reopenings also at the millisecond of the closing, later versions that map and absorb
 * keys), with random populations and filters and sample sizes from 0 to 6. The report reads the analytic index, fed as
 * the projection feeds it (every event folded and upserted twice, deals in shuffled order); the oracle reads the
 * events. Every count and every sample must be equal.
 */
class DataQualityMatchesOracleTest {

    static LongStream seeds() {
        return Scenarios.seeds(600);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reportMatchesTheOracle(long seed) {
        Scenario scenario = Scenarios.scenario(seed, 40);
        int sampleSize = (int) Math.floorMod(seed * 31 + 7, 7L);
        AnalyticIndex index = Scenarios.indexAsProjected(scenario);
        JourneyQualityReport report = JourneyQuality.of(index.deals(), index.version(),
                scenario.question().population(), scenario.question().slice(), sampleSize);

        Set<String> selected = scenario.setup().oracle().select(scenario.histories(), scenario.question().toOracle())
                .stream().map(deal -> deal.id).collect(Collectors.toSet());
        QualityOracle oracle = new QualityOracle(scenario.setup().stages(), scenario.setup().mapping());
        QualityOracle.Report expected = oracle.report(scenario.histories(), selected, sampleSize);

        assertThat(report.version()).isEqualTo(scenario.setup().number());
        assertThat(report.deals()).as("deals").isEqualTo(expected.deals()).isEqualTo(selected.size());
        check("started mid-pipeline", report.startedMidPipeline(), expected.startedMidPipeline());
        check("backward moves", report.backwardMoves(), expected.backwardMoves());
        check("reopenings", report.reopenings(), expected.reopenings());
        assertThat(report.firstStages()).extracting(FirstStage::deals).as("first stages")
                .isEqualTo(expected.firstStages());
        assertThat(report.firstStages()).extracting(FirstStage::key)
                .isEqualTo(scenario.setup().stages().stream().map(s -> s.key()).toList());
    }

    private static void check(String what, QualityCategory actual, QualityOracle.Category expected) {
        assertThat(List.of(actual.deals(), actual.events())).as(what + ": deals, events")
                .isEqualTo(List.of(expected.deals(), expected.events()));
        assertThat(actual.sample()).as(what + ": sample").isEqualTo(expected.sample());
    }
}
