package io.pipelens.bench;

import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.launcher.PipelensLauncher.Services;
import io.pipelens.query.deal.DealJourney;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Append → visible: the time from a command being appended by the command service to its effect being readable in
 * the query service's read model, with both services in one process as {@code ./pipelens} runs them: separate Spring
 * contexts with separate event-store instances, the query side's woken by the command side's commit.
 */
@Command(name = "latency", description = "Append-to-visible latency between the two services")
final class VisibilityLatencyBench implements Callable<Integer> {

    @Option(names = "--samples", defaultValue = "1000", description = "moves measured (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--warmup", defaultValue = "200", description = "moves sent before measuring")
    int warmup;

    @Override
    public Integer call() throws Exception {
        try (DataDirectory data = DataDirectory.create("pipelens-bench");
             Services services = Fixtures.services(data.path())) {
            CommandGateway gateway = services.command().getBean(CommandGateway.class);
            MongoTemplate readModels = services.query().getBean(MongoTemplate.class);
            Fixtures.defineTemplatePipeline(gateway, "bench");
            gateway.sendAndWait(new OpenDealCommand("latency", "bench", Fixtures.STAGES.get(0), null, Fixtures.EPOCH));
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            for (int i = 1; i <= warmup + samples; i++) {
                String stage = Fixtures.STAGES.get(i % Fixtures.STAGES.size());
                gateway.sendAndWait(new MoveDealToStageCommand("latency", stage, Fixtures.EPOCH.plusSeconds(i)));
                long appended = System.nanoTime();
                long sequence = i;
                while (true) {
                    DealJourney journey = readModels.findById("latency", DealJourney.class);
                    if (journey != null && journey.lastSequence() >= sequence) {
                        break;
                    }
                    Thread.onSpinWait();
                }
                if (i > warmup) {
                    histogram.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - appended));
                }
            }
            System.out.printf("append -> visible over %d moves: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    samples, histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
        }
        return 0;
    }
}
