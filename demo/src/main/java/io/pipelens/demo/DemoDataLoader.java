package io.pipelens.demo;

import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads demo data at start-up when {@code pipelens.demo.deals} is above zero: the pipeline {@code demo} (9-stage
 * template) and that many generated deal histories, ending today. Loading again with the same settings adds nothing:
 * every change is recognised as a duplicate.
 */
public class DemoDataLoader implements ApplicationRunner {

    static final String PIPELINE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CommandGateway gateway;
    private final int deals;
    private final long seed;
    private final Instant asOf;

    public DemoDataLoader(CommandGateway gateway, Clock clock, DemoProperties settings) {
        this.gateway = gateway;
        this.deals = settings.deals();
        this.seed = settings.seed();
        this.asOf = settings.asOf() == null ? clock.instant().truncatedTo(ChronoUnit.DAYS) : settings.asOf();
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        gateway.sendAndWait(new DefinePipelineCommand(PIPELINE, "Demo (9-stage template)",
                SolutionSalesTemplate.STAGES, asOf.minus(Duration.ofDays(731))));
        int applied = 0;
        int duplicates = 0;
        for (var history : (Iterable<io.pipelens.kernel.deal.RecordDealHistoryCommand>)
                new DemoHistories(PIPELINE, seed, asOf).deals(0, deals)::iterator) {
            HistoryOutcome outcome = gateway.sendAndWait(history);
            applied += outcome.applied();
            duplicates += outcome.duplicates();
        }
        log.info("Demo data: {} deals in pipeline '{}' (seed {}, as of {}): {} changes recorded, {} already there, "
                        + "in {} ms", deals, PIPELINE, seed, asOf, applied, duplicates,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
