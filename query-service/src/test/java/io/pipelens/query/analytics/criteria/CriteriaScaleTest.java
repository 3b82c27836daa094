package io.pipelens.query.analytics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticIndexBenchmark;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.Visit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental quadratic work in the criteria queries, as {@code AnalyticIndexScaleTest} is for the
 * others: 100,000 template deals whose forward moves record a random part of the leaving stage's checklist nine times
 * in ten; each query must stay under two seconds of this thread's CPU time. It prints the median times and what the
 * recorded exits add to the index.
 */
class CriteriaScaleTest {

    private static final int DEALS = 100_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long BOUND_MILLIS = 2_000;
    private static final AnalyticVersion VERSION = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());

    private static AnalyticIndex index;

    @BeforeAll
    static void fill() {
        List<String> keys = VERSION.stages().stream().map(s -> s.key()).toList();
        index = new AnalyticIndex("sales", VERSION);
        Random random = new Random(11);
        for (int i = 0; i < DEALS; i++) {
            index.upsert(withChecklists(AnalyticIndexBenchmark.journey("deal-" + i, keys, random), random));
        }
    }

    /** The journey with a random part of the leaving stage's items on nine in ten of its moves to a later stage. */
    private static DealJourney withChecklists(DealJourney journey, Random random) {
        List<Visit> visits = new ArrayList<>(journey.visits());
        for (int i = 0; i + 1 < visits.size(); i++) {
            Visit visit = visits.get(i);
            Visit next = visits.get(i + 1);
            int from = VERSION.positionOf(visit.stage());
            if (!next.beganWithReopening() && VERSION.positionOf(next.stage()) > from && random.nextInt(10) > 0) {
                List<String> confirmed = new ArrayList<>();
                for (CriterionDefinition item : VERSION.stage(from).criteria()) {
                    if (random.nextInt(10) < 8) {
                        confirmed.add(item.key());
                    }
                }
                visits.set(i, visit.close(visit.exitedAt(), visit.closedAs(), confirmed));
            }
        }
        return new DealJourney(journey.id(), journey.pipelineId(), journey.owner(), journey.source(),
                journey.segment(), journey.amount(), journey.currency(), journey.status(), journey.stage(),
                journey.openedAt(), journey.closedAt(), journey.lostReason(), visits, journey.attributesChangedAt(),
                journey.lastTransitionAt(), journey.lastSequence());
    }

    @Test
    void neitherQueryOverAHundredThousandDealsDoesQuadraticWork() {
        long exits = 0;
        long withExits = 0;
        for (VersionedJourney deal : index.deals()) {
            exits += deal.recordedExitCount();
            withExits += deal.recordedExitCount() > 0 ? 1 : 0;
        }
        System.out.printf("%d deals, %d with recorded exits, %d recorded exits: %d bytes of arrays (16 + 8 per exit)"
                + "%n", DEALS, withExits, exits, 16 * withExits + 8 * exits);

        assertThat(exits).isGreaterThan(DEALS);
        long compliance = assertFast("criteriaCompliance", () -> CriteriaCompliance.compute(index, Population.ALL,
                Slice.ALL));
        long impact = assertFast("criteriaImpact", () -> CriteriaImpact.compute(index, Population.ALL, Slice.ALL));
        System.out.printf("median CPU time over %d deals: compliance %d ms, impact %d ms%n", DEALS, compliance, impact);
    }

    private static long assertFast(String what, Supplier<Object> query) {
        long[] millis = new long[7];
        for (int i = 0; i < millis.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            assertThat(query.get()).isNotNull();
            millis[i] = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        assertThat(millis[millis.length / 2]).as("median CPU time of %s: %s ms", what, Arrays.toString(millis))
                .isLessThan(BOUND_MILLIS);
        return millis[millis.length / 2];
    }
}
