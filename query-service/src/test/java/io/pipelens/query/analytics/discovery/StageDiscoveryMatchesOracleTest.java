package io.pipelens.query.analytics.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.oracle.Oracle.Ci;
import io.pipelens.query.deal.DealJourney;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stage discovery equals {@link DiscoveryOracle} on seeded histories, under both bases and several sample sizes. */
class StageDiscoveryMatchesOracleTest {

    private static final double EPSILON = 1e-9;

    static Stream<Arguments> questions() {
        return LongStream.rangeClosed(1, 40).boxed().flatMap(seed -> Stream.of(
                Arguments.of(seed, new DiscoveryQuestion(20, DiscoveryBasis.WON, null, 0.5)),
                Arguments.of(seed, new DiscoveryQuestion(5 + (int) (seed % 7), DiscoveryBasis.WON, null, 0.3)),
                Arguments.of(seed, new DiscoveryQuestion(25, DiscoveryBasis.REACHED, "terms", 0.5)),
                Arguments.of(seed, new DiscoveryQuestion(10_000, DiscoveryBasis.REACHED, "qualification", 0.0)),
                Arguments.of(seed, new DiscoveryQuestion(1, DiscoveryBasis.WON, null, 1.0))));
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("questions")
    void equalsTheOracle(long seed, DiscoveryQuestion question) {
        List<DealJourney> journeys = DiscoveryHistories.generate(seed, 40 + (int) (seed * 7 % 120));
        AnalyticIndex index = DiscoveryHistories.index(journeys);
        DiscoveryReport report = StageDiscovery.compute(index, question, DiscoveryHistories.rawSteps(journeys));
        int reached = question.basis() == DiscoveryBasis.REACHED ? question.reachedPosition(index.version()) : 0;
        DiscoveryOracle.Answer expected = new DiscoveryOracle(journeys, DiscoveryHistories.POSITIONS)
                .answer(question.last(), question.basis() == DiscoveryBasis.REACHED, reached, question.minCoverage());

        assertThat(report.sampleSize()).isEqualTo(expected.sampleIds().size());
        assertThat(report.firstClosedAt()).isEqualTo(expected.first());
        assertThat(report.lastClosedAt()).isEqualTo(expected.last());
        assertThat(report.proposedOrder()).isEqualTo(expected.order());
        assertThat(report.steps()).hasSameSizeAs(expected.steps());
        for (DiscoveryOracle.Step step : expected.steps()) {
            DiscoveredStep found = report.steps().stream().filter(s -> s.key().equals(step.key())).findFirst()
                    .orElseThrow();
            assertThat(found.deals()).as(step.key()).isEqualTo(step.deals());
            assertThat(found.coverage()).as(step.key()).isCloseTo(step.coverage(), within(EPSILON));
            assertThat(found.meanPosition()).as(step.key()).isCloseTo(step.meanPosition(), within(EPSILON));
            assertClose(found.coverageCi(), step.coverageCi());
            int position = expected.order().indexOf(step.key());
            assertThat(found.position()).isEqualTo(position < 0 ? null : position + 1);
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        report.precedence().forEach(p -> before.put(p.first() + ">" + p.then(), p.deals()));
        assertThat(before).isEqualTo(expected.before());
        assertThat(report.conflicts()).extracting(c -> c.first() + ">" + c.then() + " " + c.asProposed() + " vs "
                + c.reversed()).isEqualTo(expected.conflicts());
        assertThat(report.lostDeals()).isEqualTo(expected.lostDeals());
        assertThat(report.lostComparison()).hasSameSizeAs(expected.lacking());
        for (int i = 0; i < expected.lacking().size(); i++) {
            DiscoveryOracle.Lacking want = expected.lacking().get(i);
            LostStep got = report.lostComparison().get(i);
            assertThat(got.key()).isEqualTo(want.key());
            assertThat(got.lostLacking()).isEqualTo(want.lost());
            assertThat(got.sampleLacking()).isEqualTo(want.sample());
            assertShare(got.lostShare(), want.lostShare());
            assertShare(got.sampleShare(), want.sampleShare());
            assertClose(got.lostShareCi(), want.lostCi());
            assertClose(got.sampleShareCi(), want.sampleCi());
        }
        assertThat(report.draft()).extracting(s -> s.key()).isEqualTo(expected.order());
    }

    /** The comparison above means something only if the histories hold what §9.3 must get right. */
    @Test
    void theHistoriesHoldTiesRevisitsConflictsAndNearlyWonDeals() {
        int ties = 0;
        int conflicts = 0;
        int nearlyWon = 0;
        int revisits = 0;
        int lost = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<DealJourney> journeys = DiscoveryHistories.generate(seed, 40 + (int) (seed * 7 % 120));
            AnalyticIndex index = DiscoveryHistories.index(journeys);
            DiscoveryReport report = StageDiscovery.compute(index, new DiscoveryQuestion(25, DiscoveryBasis.REACHED,
                    "terms", 0.5), DiscoveryHistories.rawSteps(journeys));
            ties += journeys.stream().filter(j -> j.closedAt() != null && j.closedAt().equals(report.firstClosedAt()))
                    .count() > 1 ? 1 : 0;
            conflicts += report.conflicts().isEmpty() ? 0 : 1;
            nearlyWon += report.sampleLost() > 0 ? 1 : 0;
            lost += report.lostDeals() > 0 ? 1 : 0;
            revisits += (int) journeys.stream().filter(j -> j.visits().stream().map(v -> v.stage()).distinct()
                    .count() < j.visits().size()).count();
        }
        assertThat(ties).as("samples whose first close is shared by another deal").isGreaterThan(20);
        assertThat(conflicts).as("answers with an order conflict").isGreaterThan(2);
        assertThat(nearlyWon).as("REACHED samples holding lost deals").isEqualTo(40);
        assertThat(lost).as("answers with lost deals to compare").isEqualTo(40);
        assertThat(revisits).as("deals that revisit a step").isGreaterThan(100);
    }

    private static void assertShare(Double found, Double expected) {
        if (expected == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).isCloseTo(expected, within(EPSILON));
        }
    }

    private static void assertClose(Interval found, Ci expected) {
        if (expected == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found.lower()).isCloseTo(expected.lower(), within(EPSILON));
            assertThat(found.upper()).isCloseTo(expected.upper(), within(EPSILON));
        }
    }
}
