package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.analytics.bottlenecks.Bottlenecks;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.skipimpact.SkipImpact;
import io.pipelens.query.analytics.timeinstage.TimeInStage;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import io.pipelens.query.analytics.velocity.SalesVelocity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental quadratic work, not a measurement: quadratic work over 100,000 deals takes minutes, so
 * every query must stay under two seconds of this thread's CPU time (twenty times the 100 ms target; CPU time, so
 * that other processes on a busy build machine do not count). {@link AnalyticIndexBenchmark} and the bench module
 * measure the figures that docs/benchmarks.md reports.
 */
class AnalyticIndexScaleTest {

    private static final int DEALS = 100_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long BOUND_MILLIS = 2_000;
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static AnalyticIndex index;

    @BeforeAll
    static void fill() {
        AnalyticVersion version = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());
        List<String> keys = version.stages().stream().map(s -> s.key()).toList();
        index = new AnalyticIndex("sales", version);
        Random random = new Random(7);
        for (int i = 0; i < DEALS; i++) {
            index.upsert(AnalyticIndexBenchmark.journey("deal-" + i, keys, random));
        }
    }

    @Test
    void noQueryOverAHundredThousandDealsDoesQuadraticWork() {
        assertThat(index.size()).isEqualTo(DEALS);
        assertFast(() -> Funnel.compute(index, Population.ALL, Slice.ALL));
        assertFast(() -> TimeInStage.compute(index, Population.ALL, Slice.ALL, TimeMode.CUMULATIVE, NOW));
        assertFast(() -> SkipImpact.compute(index, Population.ALL, Slice.ALL));
        assertFast(() -> Bottlenecks.compute(index, Population.ALL, Slice.ALL, NOW, null));
        assertFast(() -> SalesVelocity.compute(index, Population.ALL, Slice.ALL));
    }

    private static void assertFast(Supplier<Object> query) {
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            assertThat(query.get()).isNotNull();
            millis[i] = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        assertThat(millis[millis.length / 2]).as("median CPU time of %s ms", Arrays.toString(millis))
                .isLessThan(BOUND_MILLIS);
    }
}
