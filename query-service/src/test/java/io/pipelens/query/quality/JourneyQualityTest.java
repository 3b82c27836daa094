package io.pipelens.query.quality;

import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static io.pipelens.query.deal.DealEvents.lost;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static io.pipelens.query.deal.DealEvents.reopened;
import static io.pipelens.query.deal.DealEvents.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.deal.DealEvents;
import io.pipelens.query.pipeline.PipelineEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definitions of docs/metrics.md §8 on small hand-checked histories, one choice per test. */
class JourneyQualityTest {

    private static final AnalyticVersion TEMPLATE = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());
    private static final PipelineRedefinedEvent PROFILING_ABSORBED =
            PipelineEvents.profilingAbsorbed(DealEvents.PIPELINE);
    private static final AnalyticVersion WITHOUT_PROFILING = AnalyticVersion.of(2, PROFILING_ABSORBED.stages(),
            PROFILING_ABSORBED.mapping());

    @Test
    void aDealOpenedBeyondTheFirstStageStartedMidPipeline() {
        JourneyQualityReport report = report(TEMPLATE, 10,
                List.of(opened("a", "contact", day(0))),
                List.of(opened("b", "qualification", day(0))),
                List.of(opened("c", "terms", day(0)), moved("c", "terms", "defence", day(1))));

        assertThat(report.deals()).isEqualTo(3);
        assertThat(report.startedMidPipeline()).isEqualTo(new QualityCategory(2, 2, List.of("b", "c")));
        assertThat(report.firstStages()).extracting(FirstStage::deals).containsExactly(1, 0, 1, 0, 1, 0, 0, 0, 0);
        assertThat(report.backwardMoves().deals()).isZero();
    }

    @Test
    void aMoveToAnEarlierStageIsBackwardAndEachOneCounts() {
        JourneyQualityReport report = report(TEMPLATE, 10, List.of(
                opened("a", "contact", day(0)),
                moved("a", "contact", "qualification", day(1)),
                moved("a", "qualification", "profiling", day(2)),
                moved("a", "profiling", "terms", day(3)),
                moved("a", "terms", "contact", day(4))));

        assertThat(report.backwardMoves()).isEqualTo(new QualityCategory(1, 2, List.of("a")));
        assertThat(report.reopenings().events()).isZero();
    }

    @Test
    void aReopeningAfterTimeClosedIsAReopeningNotABackwardMove() {
        JourneyQualityReport report = report(TEMPLATE, 10, List.of(
                opened("a", "qualification", day(0)),
                lost("a", "qualification", "no budget", day(1)),
                reopened("a", "contact", day(5)),
                won("a", "contact", day(6)),
                reopened("a", "contact", day(7))));

        assertThat(report.reopenings()).isEqualTo(new QualityCategory(1, 2, List.of("a")));
        assertThat(report.backwardMoves().events()).isZero();
    }

    @Test
    void aReopeningAtTheMillisecondOfTheClosingIsAReopeningNotABackwardMove() {
        JourneyQualityReport report = report(TEMPLATE, 10,
                List.of(opened("into-earlier", "qualification", day(0)),
                        lost("into-earlier", "qualification", "no budget", day(1)),
                        reopened("into-earlier", "contact", day(1))),
                List.of(opened("into-same", "qualification", day(0)),
                        lost("into-same", "qualification", "no budget", day(1)),
                        reopened("into-same", "qualification", day(1))));

        assertThat(report.reopenings()).isEqualTo(new QualityCategory(2, 2, List.of("into-earlier", "into-same")));
        assertThat(report.backwardMoves().events()).isZero();
    }

    @Test
    void movesTheVersionMergesAwayDoNotCount() {
        List<DealEvent> history = List.of(
                opened("a", "profiling", day(0)),
                moved("a", "profiling", "contact", day(1)),
                moved("a", "contact", "qualification", day(2)),
                moved("a", "qualification", "profiling", day(3)));

        JourneyQualityReport v1 = report(TEMPLATE, 10, history);
        assertThat(v1.startedMidPipeline().deals()).isEqualTo(1);
        assertThat(v1.backwardMoves().events()).isEqualTo(2);

        // Under version 2 "profiling" is absorbed: the deal starts at contact (the stage after it), and the move back
        // into profiling takes qualification's time, so only contact → qualification is left: nothing backward.
        JourneyQualityReport v2 = report(WITHOUT_PROFILING, 10, history);
        assertThat(v2.startedMidPipeline().deals()).isZero();
        assertThat(v2.backwardMoves().events()).isZero();
        assertThat(v2.firstStages().get(0)).isEqualTo(new FirstStage(1, "contact", 1));
    }

    @Test
    void theSampleNamesTheSmallestIdsInOrderUpToItsSize() {
        List<List<DealEvent>> histories = List.of(
                List.of(opened("d10", "terms", day(0))),
                List.of(opened("d2", "terms", day(0))),
                List.of(opened("d1", "terms", day(0))),
                List.of(opened("d3", "terms", day(0))));

        assertThat(report(TEMPLATE, 2, histories.toArray(List[]::new)).startedMidPipeline())
                .isEqualTo(new QualityCategory(4, 4, List.of("d1", "d10")));
        assertThat(report(TEMPLATE, 0, histories.toArray(List[]::new)).startedMidPipeline())
                .isEqualTo(new QualityCategory(4, 4, List.of()));
    }

    @Test
    void populationAndFilterSelectTheDealsAsForTheOtherMetrics() {
        AnalyticIndex index = index(TEMPLATE,
                List.of(opened("early", "terms", day(0))),
                List.of(opened("late", "terms", day(10))));

        JourneyQualityReport report = JourneyQuality.of(index.deals(), TEMPLATE,
                Population.opened(day(5), null), new Slice("anna", null, null), 10);

        assertThat(report.deals()).isEqualTo(1);
        assertThat(report.startedMidPipeline().sample()).containsExactly("late");
        assertThat(JourneyQuality.of(index.deals(), TEMPLATE, Population.ALL, new Slice("nobody", null, null), 10)
                .deals()).isZero();
    }

    @Test
    void refusesASampleSizeOutOfRange() {
        assertThatThrownBy(() -> report(TEMPLATE, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample size");
        assertThatThrownBy(() -> report(TEMPLATE, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @SafeVarargs
    private static JourneyQualityReport report(AnalyticVersion version, int sampleSize,
                                               List<DealEvent>... histories) {
        return JourneyQuality.of(index(version, histories).deals(), version, Population.ALL, Slice.ALL, sampleSize);
    }

    @SafeVarargs
    private static AnalyticIndex index(AnalyticVersion version, List<DealEvent>... histories) {
        AnalyticIndex index = new AnalyticIndex(DealEvents.PIPELINE, version);
        for (List<DealEvent> history : histories) {
            index.upsert(journeyOf(history));
        }
        return index;
    }
}
