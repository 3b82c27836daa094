package io.pipelens.query.analytics;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.analytics.bottlenecks.Bottlenecks;
import io.pipelens.query.analytics.discovery.DiscoveryQuestion;
import io.pipelens.query.analytics.discovery.StageDiscovery;
import io.pipelens.query.analytics.forecast.Forecast;
import io.pipelens.query.analytics.forecast.ForecastBacktest;
import io.pipelens.query.analytics.funnel.Funnel;
import io.pipelens.query.analytics.movement.Movement;
import io.pipelens.query.analytics.skipimpact.AdjustFor;
import io.pipelens.query.analytics.skipimpact.AdjustedSkipImpact;
import io.pipelens.query.analytics.skipimpact.SkipImpact;
import io.pipelens.query.analytics.timeinstage.TimeInStage;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import io.pipelens.query.analytics.velocity.SalesVelocity;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealStatusView;
import io.pipelens.query.deal.Visit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Measures the analytic index: heap per deal and latency of each query. Not a test (it asserts nothing and takes
 * minutes); run it by hand, e.g. with {@code -Xmx1g}:
 * <pre>
 * java -Xmx1g -cp "query-service/target/test-classes:query-service/target/classes:$(cat cp.txt)" \
 *      io.pipelens.query.analytics.AnalyticIndexBenchmark 100000 1000000
 * </pre>
 * {@code -Donly=<regular expression>} times only the queries whose name matches it.
 * Deals follow the nine-stage template: opened mostly at the first stages, moving mostly forward with skips, backward
 * moves and reopenings, about ten events each; 70% are closed.
 */
public final class AnalyticIndexBenchmark {

    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private AnalyticIndexBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000} : Arrays.stream(args).mapToInt(Integer::parseInt)
                .toArray();
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int deals) {
        AnalyticVersion version = AnalyticVersion.of(1, SolutionSalesTemplate.STAGES, List.of());
        List<String> keys = version.stages().stream().map(s -> s.key()).toList();
        long before = usedHeap();
        AnalyticIndex index = new AnalyticIndex("sales", version);
        Random random = new Random(42);
        long events = 0;
        long visits = 0;
        long built = System.nanoTime();
        for (int i = 0; i < deals; i++) {
            DealJourney journey = journey("deal-" + i, keys, random);
            events += journey.lastSequence() + 1;
            visits += journey.visits().size();
            index.upsert(journey);
        }
        double buildSeconds = (System.nanoTime() - built) / 1e9;
        long after = usedHeap();
        System.out.printf("%,d deals, %,d events, %,d visits: built in %.1f s; heap %,d bytes = %.0f bytes/deal%n",
                deals, events, visits, buildSeconds, after - before, (after - before) / (double) deals);

        Population cohort = Population.opened(Instant.parse("2024-01-01T00:00:00Z"), null);
        Slice owner = new Slice("owner-7", null, null);
        time("funnel (all)", () -> Funnel.compute(index, Population.ALL, Slice.ALL));
        time("funnel (2024 cohort, one owner)", () -> Funnel.compute(index, cohort, owner));
        time("time in stage cumulative", () -> TimeInStage.compute(index, Population.ALL, Slice.ALL,
                TimeMode.CUMULATIVE, NOW));
        time("time in stage first", () -> TimeInStage.compute(index, Population.ALL, Slice.ALL, TimeMode.FIRST, NOW));
        time("skip impact", () -> SkipImpact.compute(index, Population.ALL, Slice.ALL));
        time("skip impact adjusted (owner, band)", () -> AdjustedSkipImpact.compute(index, Population.ALL,
                Slice.ALL, List.of(AdjustFor.OWNER, AdjustFor.AMOUNT_BAND)));
        time("skip impact crude and adjusted (owner, band) as of now", () -> AdjustedSkipImpact.withCrude(version,
                index.dealsAsOf(NOW), Population.ALL, Slice.ALL, List.of(AdjustFor.OWNER, AdjustFor.AMOUNT_BAND)));
        time("discover stages last 20", () -> StageDiscovery.compute(version, index.dealsAsOf(NOW),
                DiscoveryQuestion.of(20, null, null, null)));
        time("discover stages last 10000", () -> StageDiscovery.compute(version, index.dealsAsOf(NOW),
                DiscoveryQuestion.of(10_000, null, null, null)));
        time("bottlenecks", () -> Bottlenecks.compute(index, Population.ALL, Slice.ALL, NOW, null));
        Instant yearBefore = NOW.minus(Duration.ofDays(365));
        time("bottlenecks a year before",
                () -> Bottlenecks.compute(index, Population.ALL, Slice.ALL, yearBefore, null));
        time("last event as of now", () -> index.lastEventAt(NOW));
        time("last event a year before", () -> index.lastEventAt(yearBefore));
        time("sales velocity", () -> SalesVelocity.compute(index, Population.ALL, Slice.ALL));
        time("movement 30 days", () -> Movement.compute(index, Population.ALL, Slice.ALL,
                NOW.minus(Duration.ofDays(30)), NOW));
        time("funnel (active in 2024)", () -> Funnel.compute(index, Population.active(
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")), Slice.ALL));
        time("forecast 13 weeks", 2, 10, () -> Forecast.compute(version, index.deals(), NOW, 13));
        time("forecast backtest 13 weeks, 26 dates", 2, 10,
                () -> ForecastBacktest.compute(version, index.deals(), NOW, 13, 26));
        Iterable<VersionedJourney> then = index.dealsAsOf(yearBefore);
        time("funnel a year before", () -> Funnel.compute(version, then, Population.ALL, Slice.ALL));
        time("time in stage a year before", () -> TimeInStage.compute(version, then, Population.ALL, Slice.ALL,
                TimeMode.CUMULATIVE, yearBefore));
        time("skip impact a year before", () -> SkipImpact.compute(version, then, Population.ALL, Slice.ALL));
        time("bottlenecks a year before, exact", () -> Bottlenecks.compute(version, then, Population.ALL,
                Slice.ALL, yearBefore, Bottlenecks.DEFAULT_WINDOW));
        time("sales velocity a year before", () -> SalesVelocity.compute(version, then, Population.ALL, Slice.ALL));
        if (index.size() != deals) {
            throw new IllegalStateException("index holds " + index.size());
        }
    }

    /** Wall-clock p50/p95/max, and the p50 of the thread's CPU time (what the query costs on an idle core). */
    private static void time(String name, Supplier<Object> query) {
        time(name, 10, 60, query);
    }

    private static void time(String name, int warmup, int runs, Supplier<Object> query) {
        if (!name.matches(System.getProperty("only", ".*"))) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            query.get();
        }
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("  %-34s wall p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms | cpu p50 %6.1f ms  p95 %6.1f ms%n",
                name, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(0.95 * runs) - 1] / 1e6, nanos[runs - 1] / 1e6,
                cpu[runs / 2] / 1e6, cpu[(int) Math.ceil(0.95 * runs) - 1] / 1e6);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A plausible journey: forward moves with skips, some backward moves, closings and reopenings. */
    public static DealJourney journey(String id, List<String> keys, Random random) {
        int n = keys.size();
        long t = START.toEpochMilli() + (long) (random.nextDouble() * Duration.ofDays(800).toMillis());
        int stage = random.nextInt(10) < 8 ? 0 : random.nextInt(3);
        List<Visit> visits = new ArrayList<>();
        Instant opened = Instant.ofEpochMilli(t);
        Instant entered = opened;
        long sequence = 0;
        DealStatusView status = DealStatusView.OPEN;
        Instant closedAt = null;
        int reopenings = 0;
        while (true) {
            t += (long) (-Math.log(1 - random.nextDouble()) * Duration.ofDays(6).toMillis());
            Instant at = Instant.ofEpochMilli(t);
            if (at.isAfter(NOW)) {
                visits.add(new Visit(keys.get(stage), entered, null));
                break;
            }
            double roll = random.nextDouble();
            if (roll < 0.12 || stage == n - 1 && roll < 0.5) {
                visits.add(new Visit(keys.get(stage), entered, at));
                sequence++;
                status = roll < 0.05 || stage == n - 1 ? DealStatusView.WON : DealStatusView.LOST;
                closedAt = at;
                if (reopenings == 0 && random.nextInt(10) == 0) {
                    reopenings++;
                    t += Duration.ofDays(3).toMillis();
                    entered = Instant.ofEpochMilli(t);
                    status = DealStatusView.OPEN;
                    closedAt = null;
                    sequence++;
                    continue;
                }
                break;
            }
            int next = roll < 0.2 ? Math.max(0, stage - 1) : Math.min(n - 1, stage + 1 + (roll > 0.9 ? 1 : 0));
            if (next == stage) {
                next = stage == 0 ? 1 : stage - 1;
            }
            visits.add(new Visit(keys.get(stage), entered, at));
            sequence++;
            stage = next;
            entered = at;
        }
        return new DealJourney(id, "sales", "owner-" + random.nextInt(50), "source-" + random.nextInt(10),
                "segment-" + random.nextInt(5), BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                List.of("EUR", "USD", "GBP").get(random.nextInt(3)), status, visits.get(visits.size() - 1).stage(),
                opened, closedAt, status == DealStatusView.LOST ? "lost" : null, visits, null, opened, sequence + 1);
    }
}
