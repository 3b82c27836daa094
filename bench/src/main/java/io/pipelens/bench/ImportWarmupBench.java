package io.pipelens.bench;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.demo.DemoEventLog;
import io.pipelens.demo.DemoHistories;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.ByteArrayInputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The first import after start-up against the following ones: imports files of the same size (the same generator,
 * other deals each time) one after the other into fresh services, then the first file again, and prints each
 * import's rate with the time of its phases, so a cost paid once per service shows up in the first line only.
 */
@Command(name = "import-warmup", description = "First import after start-up against the next ones, by phase")
final class ImportWarmupBench implements Callable<Integer> {

    @Option(names = "--deals", defaultValue = "10000", description = "deals per file (default ${DEFAULT-VALUE})")
    int deals;

    @Option(names = "--files", defaultValue = "3", description = "files of new deals (default ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--restarts", defaultValue = "1", description = "times the services are started afresh on a new "
            + "store in this JVM, each importing the files again: the first import after a restart in a warm JVM "
            + "tells costs of the JVM (class loading, JIT) from costs of the services (default ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--write-to", description = "only write the files (file1.csv, ...) into this directory, to import "
            + "them over HTTP into a service started apart, and exit")
    Path writeTo;

    @Override
    public Integer call() throws Exception {
        DemoHistories histories = new DemoHistories(IngestBench.PIPELINE, 42, IngestBench.AS_OF);
        List<byte[]> logs = new ArrayList<>();
        for (int file = 0; file < files; file++) {
            StringBuilder csv = new StringBuilder();
            DemoEventLog.write(histories.deals(file * deals, (file + 1) * deals).iterator(), csv);
            logs.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (writeTo != null) {
            Files.createDirectories(writeTo);
            for (int file = 0; file < files; file++) {
                Files.write(writeTo.resolve("file" + (file + 1) + ".csv"), logs.get(file));
            }
            return 0;
        }
        for (int start = 1; start <= restarts; start++) {
            long started = System.nanoTime();
            try (DataDirectory data = DataDirectory.create("pipelens-bench");
                 Services services = Fixtures.services(data.path())) {
                System.out.printf("start %d: services started in %.1f s%n", start, (System.nanoTime() - started) / 1e9);
                Fixtures.defineTemplatePipeline(services.command().getBean(CommandGateway.class),
                        IngestBench.PIPELINE);
                DealImporter importer = services.command().getBean(DealImporter.class);
                for (int file = 0; file < files; file++) {
                    run(importer, "file " + (file + 1), logs.get(file));
                }
                run(importer, "file 1 again", logs.get(0));
            }
        }
        return 0;
    }

    private static void run(DealImporter importer, String name, byte[] log) {
        Counters before = Counters.now();
        Phases phases = new Phases();
        ImportSummary summary = importer.importLog(IngestBench.PIPELINE, new ByteArrayInputStream(log), log.length,
                ImportOptions.csv(), IngestBench.mapping(), phases);
        long done = System.nanoTime();
        Counters after = Counters.now();
        System.out.printf("%-12s %,7d rows: %,6.0f rows/s in %5.2f s; validate %5.2f s, lookup and check %5.2f s, "
                        + "first batch %5.2f s, record %5.2f s (%,d appended, %,d duplicates); process CPU %5.1f s, "
                        + "JIT %5.1f s, %,d classes loaded, GC %4.1f s%n", name,
                summary.rowsRead(), summary.rowsRead() * 1e9 / (done - phases.started), (done - phases.started) / 1e9,
                seconds(phases.started, phases.validated), seconds(phases.validated, phases.checked),
                seconds(phases.checked, phases.firstBatch), seconds(phases.checked, done),
                summary.transitionsAppended(), summary.duplicates(), (after.cpuNanos - before.cpuNanos) / 1e9,
                (after.jitMillis - before.jitMillis) / 1e3, after.classes - before.classes,
                (after.gcMillis - before.gcMillis) / 1e3);
    }

    /** The JVM's own counters: CPU time of the whole process, JIT compilation time, classes loaded, GC time. */
    private record Counters(long cpuNanos, long jitMillis, long classes, long gcMillis) {

        static Counters now() {
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            return new Counters(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime(),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                    ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), gc);
        }
    }

    private static double seconds(long from, long to) {
        return to == 0 || from == 0 ? 0 : (to - from) / 1e9;
    }

    /** When each phase ended, as heard by the progress callback. */
    private static final class Phases implements ImportProgress {
        final long started = System.nanoTime();
        volatile long validated;
        volatile long checked;
        volatile long firstBatch;

        @Override
        public synchronized void update(Update update) {
            long now = System.nanoTime();
            switch (update.phase()) {
                case VALIDATING -> validated = now;
                case CHECKING -> checked = now;
                case IMPORTING -> {
                    if (checked == 0) {
                        checked = validated;
                    }
                    if (firstBatch == 0) {
                        firstBatch = now;
                    }
                }
                case DONE -> {
                    if (checked == 0) {
                        checked = validated;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }
}
