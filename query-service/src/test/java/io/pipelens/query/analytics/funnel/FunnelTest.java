package io.pipelens.query.analytics.funnel;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final AnalyticVersion ABCD = Pipelines.versionOne("a", "b", "c", "d");

    /**
     * Five deals; h = highest position.
     * d1: a → b → c, won at c (h 3). d2: a → c, lost at c (h 3, skipped b). d3: opened at b, open (h 2, skipped a).
     * d4: a → b → a, lost at a (h 2). d5: a → d → b, open at b (h 4, skipped c).
     */
    private static final AnalyticIndex INDEX = Pipelines.index(ABCD,
            deal("d1").openedAt("a", 0).movedTo("b", 1).movedTo("c", 2).wonAt(3),
            deal("d2").openedAt("a", 0).movedTo("c", 1).lostAt(2),
            deal("d3").openedAt("b", 0),
            deal("d4").openedAt("a", 0).movedTo("b", 1).movedTo("a", 2).lostAt(3),
            deal("d5").openedAt("a", 0).movedTo("d", 1).movedTo("b", 2));

    private static final FunnelReport FUNNEL = Funnel.compute(INDEX, Population.ALL, Slice.ALL);

    @Test
    void countsEveryDealAtEveryStage() {
        assertThat(FUNNEL.stages()).extracting(FunnelStage::reached).containsExactly(5, 5, 3, 1);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::visited).containsExactly(4, 4, 2, 1);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::skipped).containsExactly(1, 1, 1, 0);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::openAt).containsExactly(0, 2, 0, 0);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::lostAt).containsExactly(1, 0, 1, 0);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::wonFrom).containsExactly(0, 0, 1, 0);
    }

    @Test
    void progressedCountsDealsBeyondTheStageOrWonFromIt() {
        assertThat(FUNNEL.stages()).extracting(FunnelStage::progressed).containsExactly(5, 3, 2, 0);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::progressedStrict).containsExactly(4, 2, 1, 0);
    }

    @Test
    void conversionsUnderBothPolicies() {
        List<FunnelStage> stages = FUNNEL.stages();
        assertThat(stages).extracting(FunnelStage::stageConversion).containsExactly(1.0, 0.6, 2 / 3.0, 0.0);
        assertThat(stages).extracting(FunnelStage::strictStageConversion).containsExactly(1.0, 0.5, 0.5, 0.0);
        assertThat(stages.get(1).stageConversion(FunnelPolicy.STRICT)).isEqualTo(0.5);
        assertThat(stages.get(1).counted(FunnelPolicy.IMPLIED)).isEqualTo(5);
        assertThat(stages.get(1).counted(FunnelPolicy.STRICT)).isEqualTo(4);
    }

    @Test
    void resolvedConversionLeavesOutDealsStillUndecidedAtTheStage() {
        // d4 passed a, came back and was lost there: it counts in progressed(a) and in lost at a, as §7 defines them.
        assertThat(FUNNEL.stages()).extracting(FunnelStage::resolvedConversion)
                .containsExactly(5 / 6.0, 1.0, 2 / 3.0, null);
        assertThat(FUNNEL.stages()).extracting(FunnelStage::strictResolvedConversion)
                .containsExactly(0.8, 1.0, 0.5, null);
    }

    @Test
    void reportsOpenDealsSeparatelyFromTheWinRate() {
        assertThat(List.of(FUNNEL.deals(), FUNNEL.open(), FUNNEL.won(), FUNNEL.lost())).containsExactly(5, 2, 1, 2);
        assertThat(FUNNEL.winRate()).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(FUNNEL.version()).isEqualTo(1);
    }

    @Test
    void thePopulationAndSliceChooseTheDealsBeforeTheyAreCounted() {
        AnalyticIndex index = Pipelines.index(ABCD,
                deal("d1").ownedBy("ann").openedAt("a", 0).movedTo("b", 1).wonAt(2),
                deal("d2").ownedBy("bob").openedAt("a", 1).lostAt(2),
                deal("d3").ownedBy("ann").openedAt("a", 5));

        FunnelReport annsCohort = Funnel.compute(index, Population.opened(day(0), day(5)),
                new Slice("ann", null, null));

        assertThat(annsCohort.deals()).isEqualTo(1);
        assertThat(annsCohort.stages().get(0).progressed()).isEqualTo(1);
        assertThat(annsCohort.winRate()).isEqualTo(1.0);
    }

    @Test
    void anEmptySelectionHasZeroCountsAndNoRatios() {
        FunnelReport none = Funnel.compute(INDEX, Population.ALL, new Slice("nobody", null, null));

        assertThat(none.deals()).isZero();
        assertThat(none.winRate()).isNull();
        assertThat(none.stages()).allSatisfy(stage -> {
            assertThat(stage.reached()).isZero();
            assertThat(stage.stageConversion()).isNull();
            assertThat(stage.resolvedConversion()).isNull();
        });
    }
}
