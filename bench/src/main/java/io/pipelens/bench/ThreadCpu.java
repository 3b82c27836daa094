package io.pipelens.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the process's CPU went during a timed phase, by group of threads: the replaying processor, the read-model
 * store's wire-protocol worker, the journeys' writer, the H2 stores' own threads, every other Java thread, and what
 * no Java thread accounts for (the JVM's GC and JIT compiler threads). With the wall time it tells a run that did
 * more work from one that waited more.
 */
final class ThreadCpu {

    private static final String OTHER = "other threads";
    private static final Map<String, Predicate<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("processor", name -> name.startsWith("EventProcessor[deal-journey]"));
        GROUPS.put("store worker", name -> name.startsWith("mongo-server-worker"));
        GROUPS.put("writer", name -> name.equals("deal-journey-writer"));
        GROUPS.put("H2", ThreadCpu::isH2);
    }

    /** Per live thread id: its group and its CPU so far. */
    private final Map<Long, Map.Entry<String, Long>> threads;
    private final long processNanos;
    private final long gcPauseMillis;
    private final long compileMillis;

    private ThreadCpu(Map<Long, Map.Entry<String, Long>> threads, long processNanos, long gcPauseMillis,
                      long compileMillis) {
        this.threads = threads;
        this.processNanos = processNanos;
        this.gcPauseMillis = gcPauseMillis;
        this.compileMillis = compileMillis;
    }

    /** The H2 stores' own threads: MVStore's background writers and its serialization pool. */
    static boolean isH2(String threadName) {
        return threadName.startsWith("MVStore background writer") || threadName.endsWith("-serialization");
    }

    /** The CPU the live threads of {@code group} have used so far. */
    static long cpuNanos(Predicate<String> group) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (group.test(thread.getName())) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }

    static List<Thread> threads(Predicate<String> group) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> group.test(thread.getName())).toList();
    }

    static ThreadCpu now() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Map.Entry<String, Long>> threads = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String group = GROUPS.entrySet().stream().filter(entry -> entry.getValue().test(thread.getName()))
                    .map(Map.Entry::getKey).findFirst().orElse(OTHER);
            threads.put(thread.getId(), Map.entry(group, Math.max(0, bean.getThreadCpuTime(thread.getId()))));
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long compile = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : 0;
        return new ThreadCpu(threads, process, gc, compile);
    }

    /**
     * One line: the CPU seconds each group's threads used since {@code before} (a thread started meanwhile counts
     * whole), what the process used besides (the JVM's GC and JIT threads, and threads that ended meanwhile), the
     * JIT's compilation time and the GC's pause time.
     */
    String since(ThreadCpu before) {
        Map<String, Long> used = new LinkedHashMap<>();
        GROUPS.keySet().forEach(group -> used.put(group, 0L));
        used.put(OTHER, 0L);
        threads.forEach((id, now) -> {
            Map.Entry<String, Long> then = before.threads.get(id);
            used.merge(now.getKey(), Math.max(0, now.getValue() - (then == null ? 0 : then.getValue())), Long::sum);
        });
        StringBuilder line = new StringBuilder("  CPU s:");
        used.forEach((group, nanos) -> line.append(String.format(" %s %.1f,", group, nanos / 1e9)));
        long process = processNanos - before.processNanos;
        long javaThreads = used.values().stream().mapToLong(Long::longValue).sum();
        line.append(String.format(" JVM and ended threads %.1f; process %.1f; JIT compiling %.1f s, GC pauses %.1f s",
                (process - javaThreads) / 1e9, process / 1e9, (compileMillis - before.compileMillis) / 1e3,
                (gcPauseMillis - before.gcPauseMillis) / 1e3));
        return line.toString();
    }
}
