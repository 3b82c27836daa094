package io.pipelens.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticIndexBenchmark;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental quadratic work, as for the other analytics: the report over 100,000 deals of the
 * benchmark's shape (backward moves and reopenings included) must stay under two seconds of this thread's CPU time,
 * where quadratic work would take minutes; CPU time, so that other processes on a busy machine do not count.
 */
class JourneyQualityScaleTest {

    private static final int DEALS = 100_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long BOUND_MILLIS = 2_000;

    @Test
    void theReportOverAHundredThousandDealsDoesNoQuadraticWork() {
        AnalyticVersion version = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());
        List<String> keys = version.stages().stream().map(s -> s.key()).toList();
        AnalyticIndex index = new AnalyticIndex("sales", version);
        Random random = new Random(7);
        for (int i = 0; i < DEALS; i++) {
            index.upsert(AnalyticIndexBenchmark.journey("deal-" + i, keys, random));
        }

        long[] millis = new long[5];
        JourneyQualityReport report = null;
        for (int i = 0; i < millis.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            report = JourneyQuality.of(index.deals(), version, Population.ALL, Slice.ALL, 10);
            millis[i] = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);

        assertThat(report.deals()).isEqualTo(DEALS);
        assertThat(report.backwardMoves().deals()).isPositive();
        assertThat(report.reopenings().deals()).isPositive();
        assertThat(report.backwardMoves().sample()).hasSize(10).isSorted();
        assertThat(millis[millis.length / 2]).as("median CPU time of %s ms", Arrays.toString(millis)).isLessThan(BOUND_MILLIS);
    }
}
