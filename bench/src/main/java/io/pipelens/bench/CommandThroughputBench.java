package io.pipelens.bench;

import com.sun.management.OperatingSystemMXBean;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sequential deal moves through the command gateway on the embedded event store (H2 file), reported per window so a
 * slow-down as the store grows shows up, with each command's latency (from sending to the answer) as percentiles per
 * window and over the run. Beside the wall-clock figures, the CPU per command of the sending thread (which runs the
 * whole command: load, decide, append, commit) and of the whole process (the query service projecting included): on
 * a machine shared with other work these hardly move, where commands/s and the latency tail do.
 */
@Command(name = "commands", description = "Commands/s for sequential moves on the embedded store")
final class CommandThroughputBench implements Callable<Integer> {

    @Option(names = "--moves", defaultValue = "10000", description = "moves to send (default ${DEFAULT-VALUE})")
    int moves;

    @Option(names = "--deals", defaultValue = "1000", description = "deals the moves are spread over")
    int deals;

    @Option(names = "--window", defaultValue = "1000", description = "moves per reported window")
    int window;

    @Option(names = "--warmup", defaultValue = "2000", description = "moves sent before measuring, on other deals")
    int warmup;

    @Override
    public Integer call() throws Exception {
        try (DataDirectory data = DataDirectory.create("pipelens-bench");
             Services services = Fixtures.services(data.path())) {
            CommandGateway gateway = services.command().getBean(CommandGateway.class);
            Fixtures.defineTemplatePipeline(gateway, "bench");
            run(gateway, "warm", warmup, Math.max(1, warmup / 10), false);
            run(gateway, "deal", moves, deals, true);
        }
        return 0;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private void run(CommandGateway gateway, String prefix, int count, int dealCount, boolean report) {
        for (int d = 0; d < dealCount; d++) {
            gateway.sendAndWait(new OpenDealCommand(prefix + d, "bench", Fixtures.STAGES.get(0), null,
                    Fixtures.EPOCH.plusSeconds(d)));
        }
        Histogram windowLatency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram totalLatency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long windowStart = System.nanoTime();
        long totalStart = windowStart;
        Cpu windowCpu = Cpu.now();
        Cpu totalCpu = windowCpu;
        for (int i = 0; i < count; i++) {
            int deal = i % dealCount;
            int step = i / dealCount + 1;
            String stage = Fixtures.STAGES.get(step % Fixtures.STAGES.size());
            long sent = System.nanoTime();
            gateway.sendAndWait(new MoveDealToStageCommand(prefix + deal, stage,
                    Fixtures.EPOCH.plusSeconds(3600L * step + deal)));
            long answered = System.nanoTime();
            windowLatency.recordValue(TimeUnit.NANOSECONDS.toMicros(answered - sent));
            if (report && (i + 1) % window == 0) {
                Cpu cpu = Cpu.now();
                System.out.printf("moves %6d-%6d: %7.0f commands/s, %s, %s%n", i + 2 - window, i + 1,
                        window / ((answered - windowStart) / 1e9), percentiles(windowLatency),
                        cpu.since(windowCpu, window));
                windowCpu = cpu;
                totalLatency.add(windowLatency);
                windowLatency.reset();
                windowStart = answered;
            }
        }
        if (report) {
            totalLatency.add(windowLatency);
            System.out.printf("all %d moves: %.0f commands/s, %s, %s%n", count,
                    count / ((System.nanoTime() - totalStart) / 1e9), percentiles(totalLatency),
                    Cpu.now().since(totalCpu, count));
        }
    }

    private static String percentiles(Histogram latency) {
        return String.format("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    /**
     * CPU used so far by the sending thread and by the whole process, in nanoseconds, and the JVM's own work in
     * milliseconds as its beans report it: the time spent compiling, summed over the compiler threads, and the
     * collectors' time. Both are elapsed times, not CPU times, so they tell roughly, not exactly, how much of the
     * process's CPU per command the JVM took from the commands on two cores.
     */
    private record Cpu(long thread, long process, long compilingMillis, long collectingMillis) {

        static Cpu now() {
            long collecting = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                collecting += Math.max(0, collector.getCollectionTime());
            }
            CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
            long compiling = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                    ? compiler.getTotalCompilationTime() : 0;
            return new Cpu(THREADS.getCurrentThreadCpuTime(), PROCESS.getProcessCpuTime(), compiling, collecting);
        }

        String since(Cpu start, int commands) {
            return String.format("CPU per command: sender %.0f µs, process %.0f µs (JIT compiling %.0f µs, GC %.0f µs)",
                    (thread - start.thread()) / 1e3 / commands, (process - start.process()) / 1e3 / commands,
                    (compilingMillis - start.compilingMillis()) * 1e3 / commands,
                    (collectingMillis - start.collectingMillis()) * 1e3 / commands);
        }
    }
}
