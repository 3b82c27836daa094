package io.pipelens.query.analytics;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.funnel.FunnelReport;
import io.pipelens.query.deal.DealJourney;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnalyticIndexTest {

    private static final AnalyticVersion AB = Pipelines.versionOne("a", "b");

    @Test
    void anUpsertReplacesTheDealAndRepeatingItChangesNothing() {
        DealHistory history = deal("d1").openedAt("a", 0).movedTo("b", 1).wonAt(2);
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, AB);

        index.upsert(deal("d1").openedAt("a", 0).journey());
        index.upsert(history.journey());
        FunnelReport once = Funnel.compute(index, Population.ALL, Slice.ALL);
        index.upsert(history.journey());

        assertThat(index.size()).isEqualTo(1);
        assertThat(Funnel.compute(index, Population.ALL, Slice.ALL)).isEqualTo(once);
        assertThat(once.won()).isEqualTo(1);
        assertThat(index.deal("d1").lastStage()).isEqualTo(2);
    }

    @Test
    void theLastEventAtOrBeforeATimeCountsEveryKindOfDealEvent() {
        DealAttributes boris = new DealAttributes("boris", null, null, null, null);
        AnalyticIndex index = Pipelines.index(AB,
                deal("d1").openedAt("a", 0).attributesChanged(boris, day(3)).movedTo("b", 5)
                        .attributesChanged(DealAttributes.NONE, day(9)),
                deal("d2").openedAt("a", 1).lostAt(4).reopenedInto("b", 6),
                deal("d3").openedAt("a", 2).movedTo("absorbed-later", 3.5).movedTo("b", 7));

        assertThat(index.lastEventAt(day(20))).as("d1's last attribute change").isEqualTo(day(9));
        assertThat(index.lastEventAt(day(9))).as("at or before").isEqualTo(day(9));
        assertThat(index.lastEventAt(day(8.9))).as("d3's move").isEqualTo(day(7));
        assertThat(index.lastEventAt(day(5.9))).as("d1's move").isEqualTo(day(5));
        assertThat(index.lastEventAt(day(4.5))).as("d2's loss").isEqualTo(day(4));
        assertThat(index.lastEventAt(day(3.6))).as("d3's move into a stage the version absorbs").isEqualTo(day(3.5));
        assertThat(index.lastEventAt(day(3.2))).as("d1's first attribute change").isEqualTo(day(3));
        assertThat(index.lastEventAt(day(2.5))).isEqualTo(day(2));
        assertThat(index.lastEventAt(day(-1))).as("no event yet").isNull();
        assertThat(new AnalyticIndex(DealHistory.PIPELINE, AB).lastEventAt(day(20))).isNull();
    }

    @Test
    void aJourneyThatDoesNotListItsAttributeChangesStillGivesItsLastEvent() {
        DealAttributes boris = new DealAttributes("boris", null, null, null, null);
        DealJourney listed = deal("d1").openedAt("a", 0).attributesChanged(boris, day(1)).movedTo("b", 2)
                .attributesChanged(DealAttributes.NONE, day(3)).journey();
        DealJourney unlisted = new DealJourney(listed.id(), listed.pipelineId(), null, null, null, null, null,
                listed.status(), listed.stage(), listed.openedAt(), listed.closedAt(), null, listed.visits(), null,
                listed.lastTransitionAt(), listed.lastSequence());
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, AB);
        index.upsert(unlisted);

        assertThat(index.lastEventAt(day(10))).isEqualTo(day(3));
        assertThat(index.lastEventAt(day(2.5))).as("the earlier change is not known").isEqualTo(day(2));
    }

    @Test
    void theLastEventFollowsUpdatesAndClearing() {
        AnalyticIndex index = Pipelines.index(AB, deal("d1").openedAt("a", 0));
        index.upsert(deal("d1").openedAt("a", 0).movedTo("b", 2).wonAt(4).journey());

        assertThat(index.lastEventAt(day(10))).isEqualTo(day(4));
        index.clear();
        assertThat(index.lastEventAt(day(10))).isNull();
    }

    @Test
    void anOlderJourneyArrivingAfterANewerOneChangesNothing() {
        DealHistory history = deal("d1").openedAt("a", 0).movedTo("b", 1);
        AnalyticIndex index = Pipelines.index(AB, history);
        long generation = index.generation();

        index.upsert(deal("d1").openedAt("a", 0).journey());

        assertThat(index.deal("d1").lastStage()).isEqualTo(2);
        assertThat(index.generation()).isEqualTo(generation);
    }

    @Test
    void aDealInAbsorbedStagesOnlyIsHeldOpenInNoStageUntilItReachesAMappedStage() {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE,
                Pipelines.version(2, stages("a", "b"), StageMapping.absorbed("call")));

        index.upsert(deal("d1").openedAt("call", 0).journey());
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.deal("d1").visits()).isEmpty();
        assertThat(index.deal("d1").outcome()).isEqualTo(Outcome.OPEN);
        assertThat(index.lastEventAt(day(5))).isEqualTo(day(0));
        FunnelReport funnel = Funnel.compute(index, Population.ALL, Slice.ALL);
        assertThat(funnel.deals()).isEqualTo(1);
        assertThat(funnel.open()).isEqualTo(1);
        assertThat(funnel.stages()).allSatisfy(stage -> assertThat(stage.reached() + stage.visited() + stage.openAt())
                .isZero());

        index.upsert(deal("d1").openedAt("call", 0).movedTo("b", 1).journey());
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.deal("d1").visits()).extracting(PathVisit::position).containsExactly(2);
        assertThat(index.dealsAsOf(day(0.5)).iterator().next().visits()).isEmpty();
    }

    @Test
    void rejectsADealOfAnotherPipeline() {
        AnalyticIndex index = new AnalyticIndex("other", AB);

        assertThatThrownBy(() -> index.upsert(deal("d1").openedAt("a", 0).journey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    @Test
    void clearEmptiesTheIndexAndMovesTheGenerationOn() {
        AnalyticIndex index = Pipelines.index(AB, deal("d1").openedAt("a", 0));
        long before = index.generation();

        index.clear();

        assertThat(index.size()).isZero();
        assertThat(index.deal("d1")).isNull();
        assertThat(Funnel.compute(index, Population.ALL, Slice.ALL).deals()).isZero();
        assertThat(index.generation()).isGreaterThan(before);
    }

    @Test
    void growsBeyondItsFirstArray() {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, AB);
        for (int i = 0; i < 5_000; i++) {
            index.upsert(deal("d" + i).openedAt("a", 0).journey());
        }

        assertThat(index.size()).isEqualTo(5_000);
        assertThat(Funnel.compute(index, Population.ALL, Slice.ALL).stages().get(0).openAt()).isEqualTo(5_000);
    }

    /**
     * One writer first inserts deals open at a, then moves each to b and wins it, while readers keep asking for the
     * funnel. Every answer must be a state some sequence of whole-deal updates can produce: every deal counted once,
     * either open at a or won from b, and never fewer deals than an earlier answer of the same reader saw.
     */
    @Test
    void readersSeeWholeDealsWhileOneWriterUpdates() throws Exception {
        int deals = 20_000;
        List<DealJourney> opened = new ArrayList<>();
        List<DealJourney> won = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            opened.add(deal("d" + i).openedAt("a", 0).journey());
            won.add(deal("d" + i).openedAt("a", 0).movedTo("b", 1).wonAt(2).journey());
        }
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, AB);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch writerDone = new CountDownLatch(1);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int answers = 0;
                    int seen = 0;
                    boolean last = false;
                    while (!last) {
                        last = writerDone.getCount() == 0;
                        FunnelReport funnel = Funnel.compute(index, Population.ALL, Slice.ALL);
                        int openAtA = funnel.stages().get(0).openAt();
                        int wonFromB = funnel.stages().get(1).wonFrom();
                        assertThat(openAtA + wonFromB).isEqualTo(funnel.deals());
                        assertThat(funnel.stages().get(0).reached()).isEqualTo(funnel.deals());
                        assertThat(funnel.deals()).isGreaterThanOrEqualTo(seen);
                        seen = funnel.deals();
                        answers++;
                    }
                    return answers;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    opened.forEach(index::upsert);
                    won.forEach(index::upsert);
                } finally {
                    writerDone.countDown();
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        FunnelReport end = Funnel.compute(index, Population.ALL, Slice.ALL);
        assertThat(end.won()).isEqualTo(deals);
        assertThat(end.stages().get(0).openAt()).isZero();
    }
}
