package io.pipelens.query.analytics.movement;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Movement of deals in no stage (DESIGN §10.1, §10.3), by hand. */
class MovementTest {

    /** Version 2 keeps a and b; the activity "call" is absorbed. */
    private static final AnalyticVersion AB = Pipelines.version(2, stages("a", "b"), StageMapping.absorbed("call"));

    private static MovementReport movement(AnalyticIndex index, double from, double to) {
        return Movement.compute(index, Population.ALL, Slice.ALL, day(from), day(to));
    }

    @Test
    void aDealInNoStageIsInTheOpenAmountFromItsOpeningAndInAStagesWipFromItsFirstStage() {
        AnalyticIndex index = Pipelines.index(AB,
                deal("d1").worth("100", "EUR").openedAt("call", 1).movedTo("b", 3),
                deal("d2").worth("40", "EUR").openedAt("call", 1).lostAt(2));

        MovementReport early = movement(index, 0, 1.5);
        CurrencyMovement eur = early.currencies().get(0);
        assertThat(eur.opened()).isEqualByComparingTo(new BigDecimal("140"));
        assertThat(eur.end()).isEqualByComparingTo(new BigDecimal("140"));
        assertThat(early.stages()).allSatisfy(stage -> assertThat(stage.endWip() + stage.openedInto()).isZero());

        MovementReport later = movement(index, 1.5, 4);
        eur = later.currencies().get(0);
        assertThat(eur.start()).isEqualByComparingTo(new BigDecimal("140"));
        assertThat(eur.opened()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(eur.lost()).isEqualByComparingTo(new BigDecimal("40"));
        assertThat(eur.end()).isEqualByComparingTo(new BigDecimal("100"));
        StageMovement b = later.stages().get(1);
        assertThat(b.startWip()).isZero();
        assertThat(b.openedInto()).as("its first stage of the version: opened into it").isEqualTo(1);
        assertThat(b.forwardIn()).isZero();
        assertThat(b.endWip()).isEqualTo(1);
        assertThat(later.stages().get(0).lostAt()).as("lost in no stage: at no stage").isZero();
    }
}
