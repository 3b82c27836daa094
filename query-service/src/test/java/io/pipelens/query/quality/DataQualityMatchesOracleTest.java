package io.pipelens.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.Scenarios;
import io.pipelens.query.analytics.Scenarios.Scenario;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyFold;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The data-quality report against {@link QualityOracle} on the random histories the analytics are tested on (starts
 * at any stage, backward moves, reopenings also at the millisecond of the closing, later versions that map and absorb
 * keys), with random populations and filters and sample sizes from 0 to 6. The report reads the analytic index, fed as
 * the projection feeds it (every event folded and upserted twice, deals in shuffled order); the oracle reads the
 * events. Every count and every sample must be equal.
 */
class DataQualityMatchesOracleTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenarios.scenarios(40);
    }

    @Provide
    Arbitrary<Integer> sampleSizes() {
        return Arbitraries.integers().between(0, 6);
    }

    @Property(tries = 600)
    void reportMatchesTheOracle(@ForAll("scenarios") Scenario scenario, @ForAll("sampleSizes") int sampleSize) {
        AnalyticIndex index = index(scenario);
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

    private static AnalyticIndex index(Scenario scenario) {
        String pipelineId = scenario.histories().get(0).get(0).pipelineId();
        AnalyticIndex index = new AnalyticIndex(pipelineId, scenario.setup().version());
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
}
