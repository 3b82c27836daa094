package io.pipelens.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The H2 stores' own background work, watched through the CPU time of their threads: MVStore's background writer
 * (which, after a bulk load, spends a minute or more rewriting the chunks the load left mostly obsolete) and its
 * serialization pool. A benchmark that starts while that runs measures it too, on a 2-core machine a good part of
 * one core.
 */
final class StoreHousekeeping {

    /** Idle means: the threads used less than this much CPU over {@link #QUIET}. */
    private static final Duration QUIET_CPU = Duration.ofMillis(20);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration LIMIT = Duration.ofMinutes(10);

    record Settled(boolean idle, long waitedNanos, long cpuNanos, int threads) {

        /** One line: "H2 housekeeping {@code when}: 12.3 s of CPU on 2 thread(s), idle after 15.0 s". */
        String describe(String when) {
            return String.format("H2 housekeeping %s: %.1f s of CPU on %d thread(s), %s after %.1f s", when,
                    cpuNanos / 1e9, threads, idle ? "idle" : "STILL BUSY", waitedNanos / 1e9);
        }
    }

    private StoreHousekeeping() {
    }

    /**
     * Waits until the H2 threads have been quiet for {@link #QUIET}, for {@link #LIMIT} at most; returns whether they
     * got quiet, how long it took and how much CPU they used meanwhile.
     */
    static Settled awaitIdle() throws InterruptedException {
        long started = System.nanoTime();
        long first = cpuNanos();
        long previous = first;
        while (System.nanoTime() - started < LIMIT.toNanos()) {
            TimeUnit.NANOSECONDS.sleep(QUIET.toNanos());
            long now = cpuNanos();
            if (now - previous < QUIET_CPU.toNanos()) {
                return new Settled(true, System.nanoTime() - started, now - first, h2Threads().size());
            }
            previous = now;
        }
        return new Settled(false, System.nanoTime() - started, cpuNanos() - first, h2Threads().size());
    }

    private static long cpuNanos() {
        return ThreadCpu.cpuNanos(ThreadCpu::isH2);
    }

    private static List<Thread> h2Threads() {
        return ThreadCpu.threads(ThreadCpu::isH2);
    }
}
