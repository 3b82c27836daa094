package io.pipelens.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Pipelens benchmarks. Each starts the services it measures on a fresh embedded store in a temporary directory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {CommandThroughputBench.class, VisibilityLatencyBench.class, AnalyticsBench.class,
                ReplayBench.class, ReplayKillCheck.class, IngestBench.class, ImportCheckBench.class,
                ImportWarmupBench.class, StartupBench.class},
        description = "Pipelens benchmarks; see docs/benchmarks.md")
public final class Bench {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
