package io.pipelens.query.analytics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §9.1's version rules worked by hand. Version 1: a [x], a2 [x], b [p, q], c [y], d [q]. Version 2: a [x],
 * bb [p, q], e [q, z], with a2 merged into a, b renamed bb, c absorbed (its time belongs to the stage before it) and d
 * renamed e.
 * <ul>
 *   <li>d1: a → b [x] → c [p, q] → d [y] → won [q]; under version 2 the move into c is no exit, the move out of c is
 *       bb's exit but its list named c's items and counts nowhere, and the win confirms e's q but not z;</li>
 *   <li>d2: b → d [p] → b → lost: one exit from bb confirming p alone, then a backward move;</li>
 *   <li>d3: a → a2 [x] → b [x] → won [p, q]: the move between keys merged into a is no exit.</li>
 * </ul>
 */
class CriteriaRedefinitionTest {

    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final AnalyticVersion V1 = AnalyticVersion.of(1, List.of(stage("a", "x"), stage("a2", "x"),
            stage("b", "p", "q"), stage("c", "y"), stage("d", "q")), List.of());
    private static final AnalyticVersion V2 = AnalyticVersion.of(2, List.of(stage("a", "x"), stage("bb", "p", "q"),
            stage("e", "q", "z")), List.of(StageMapping.to("a2", "a"), StageMapping.to("b", "bb"),
            StageMapping.absorbed("c"), StageMapping.to("d", "e")));

    private static final List<List<DealEvent>> DEALS = List.of(
            List.of(open("d1", "a"), move("d1", "a", "b", 1, "x"), move("d1", "b", "c", 2, "p", "q"),
                    move("d1", "c", "d", 3, "y"), new DealWonEvent("d1", "sales", "d", day(4), List.of("q"))),
            List.of(open("d2", "b"), move("d2", "b", "d", 1, "p"),
                    new DealMovedToStageEvent("d2", "sales", "d", "b", day(2)),
                    new DealLostEvent("d2", "sales", "b", "lost", day(3))),
            List.of(open("d3", "a"), move("d3", "a", "a2", 1, "x"), move("d3", "a2", "b", 2, "x"),
                    new DealWonEvent("d3", "sales", "b", day(3), List.of("p", "q"))));

    @Test
    void complianceUnderTheLaterVersionFollowsTheMapping() {
        List<StageCompliance> stages = CriteriaCompliance.compute(index(V2), Population.ALL, Slice.ALL).stages();

        assertThat(counts(stages.get(0))).containsExactly(2, 2, 2, 2);
        assertThat(counts(stages.get(1))).containsExactly(3, 2, 1, 2, 1);
        assertThat(counts(stages.get(2))).containsExactly(1, 1, 0, 1, 0);
        assertThat(stages.get(1).fullyConfirmedShare()).isEqualTo(0.5);
        assertThat(stages.get(1).recordedShare()).isEqualTo(2.0 / 3);
    }

    @Test
    void complianceUnderTheRecordingVersionCountsEveryList() {
        List<StageCompliance> stages = CriteriaCompliance.compute(index(V1), Population.ALL, Slice.ALL).stages();

        assertThat(stages.stream().map(CriteriaRedefinitionTest::counts).toList()).containsExactly(
                List.of(2, 2, 2, 2), List.of(1, 1, 1, 1), List.of(3, 3, 2, 3, 2), List.of(1, 1, 1, 1),
                List.of(1, 1, 1, 1));
    }

    @Test
    void impactUnderTheLaterVersionFollowsTheMapping() {
        ImpactReport report = CriteriaImpact.compute(index(V2), Population.ALL, Slice.ALL);

        assertThat(report.closedDeals()).isEqualTo(3);
        List<List<Integer>> tables = new ArrayList<>();
        for (StageCriteriaImpact stage : report.stages()) {
            tables.add(cells(stage.checklist()));
            stage.items().forEach(item -> tables.add(cells(item.impact())));
        }
        assertThat(tables).containsExactly(
                List.of(0, 0, 0, 2), List.of(0, 0, 0, 2),
                List.of(1, 0, 0, 1), List.of(0, 0, 1, 1), List.of(1, 0, 0, 1),
                List.of(0, 1, 0, 0), List.of(0, 0, 0, 1), List.of(0, 1, 0, 0));
    }

    private static List<Integer> counts(StageCompliance stage) {
        List<Integer> counts = new ArrayList<>(List.of(stage.forwardExits(), stage.recorded(),
                stage.fullyConfirmed()));
        stage.items().forEach(item -> counts.add(item.confirmed()));
        return counts;
    }

    private static List<Integer> cells(CriteriaTable table) {
        return List.of(table.unconfirmedLost(), table.unconfirmedWon(), table.confirmedLost(), table.confirmedWon());
    }

    private static AnalyticIndex index(AnalyticVersion version) {
        AnalyticIndex index = new AnalyticIndex("sales", version);
        DEALS.forEach(events -> index.upsert(DealHistory.fold(events)));
        return index;
    }

    private static StageDefinition stage(String key, String... items) {
        List<CriterionDefinition> checklist = new ArrayList<>();
        for (String item : items) {
            checklist.add(new CriterionDefinition(item, "item " + item));
        }
        return new StageDefinition(key, key, null, null, null, checklist);
    }

    private static DealEvent open(String id, String stage) {
        return new DealOpenedEvent(id, "sales", stage, DealAttributes.NONE, T0);
    }

    private static DealEvent move(String id, String from, String to, int day, String... confirmed) {
        return new DealMovedToStageEvent(id, "sales", from, to, day(day), List.of(confirmed));
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }
}
