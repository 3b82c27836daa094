package io.pipelens.query.analytics;

import static io.pipelens.query.analytics.DealHistory.day;
import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.funnel.Funnel;
import org.junit.jupiter.api.Test;

class PopulationTest {

    /** Version 2: "call" is absorbed. */
    private static final AnalyticIndex INDEX = Pipelines.index(
            Pipelines.version(2, stages("a", "b"), StageMapping.absorbed("call")),
            deal("d1").ownedBy("ann").from("web", "smb").openedAt("a", 1).wonAt(5),
            deal("d2").ownedBy("bob").from("web", "enterprise").openedAt("a", 3).lostAt(4).reopenedInto("b", 6),
            deal("d3").ownedBy("ann").from("referral", "smb").openedAt("a", 0).movedTo("call", 7));

    private static int selected(Population population, Slice slice) {
        return Funnel.compute(INDEX, population, slice).deals();
    }

    @Test
    void openedSelectsTheCohortOpenedInAHalfOpenPeriod() {
        assertThat(selected(Population.opened(day(1), day(3)), Slice.ALL)).as("d1; d2 opened at the end")
                .isEqualTo(1);
        assertThat(selected(Population.opened(day(1), null), Slice.ALL)).isEqualTo(2);
    }

    @Test
    void closedCountsDealsClosedNowWhoseLastClosingIsInThePeriod() {
        assertThat(selected(Population.closed(day(4), day(6)), Slice.ALL)).as("d1; d2 was reopened").isEqualTo(1);
    }

    @Test
    void activeCountsAnyTransitionIncludingMovesIntoAbsorbedStages() {
        assertThat(selected(Population.active(day(6), day(7)), Slice.ALL)).as("d2 reopened").isEqualTo(1);
        assertThat(selected(Population.active(day(7), day(8)), Slice.ALL)).as("d3 moved to call").isEqualTo(1);
        assertThat(selected(Population.active(day(5.5), day(5.9)), Slice.ALL)).isZero();
    }

    @Test
    void slicesFilterOnCurrentAttributes() {
        assertThat(selected(Population.ALL, new Slice("ann", null, null))).isEqualTo(2);
        assertThat(selected(Population.ALL, new Slice("ann", "web", null))).isEqualTo(1);
        assertThat(selected(Population.ALL, new Slice(null, null, "smb"))).isEqualTo(2);
        assertThat(selected(Population.ALL, new Slice(null, "email", null))).isZero();
    }

    @Test
    void rejectsAPeriodWithoutABasisOrAnEmptyPeriod() {
        assertThatThrownBy(() -> new Population(Population.Basis.ALL, day(0), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Population.opened(day(2), day(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
