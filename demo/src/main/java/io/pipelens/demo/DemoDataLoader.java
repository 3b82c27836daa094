package io.pipelens.demo;

import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads demo data at start-up when {@code pipelens.demo.deals} is above zero: the pipeline {@code demo} (9-stage
 * template, redefined a year before the end with qualification enforced, effective from then) and that many
 * generated deal histories, ending today. Loading again with the same settings adds nothing: every change is
 * recognised as a duplicate.
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
        DemoHistories histories = new DemoHistories(PIPELINE, seed, asOf);
        gateway.sendAndWait(new DefinePipelineCommand(PIPELINE, "Demo (9-stage template)",
                SolutionSalesTemplate.STAGES, asOf.minus(Duration.ofDays(731))));
        gateway.sendAndWait(new RedefinePipelineCommand(PIPELINE, enforcedQualification(), List.of(),
                histories.changeAt(), histories.changeAt()));
        int applied = 0;
        int duplicates = 0;
        for (var history : (Iterable<io.pipelens.kernel.deal.RecordDealHistoryCommand>)
                histories.deals(0, deals)::iterator) {
            HistoryOutcome outcome = gateway.sendAndWait(history);
            applied += outcome.applied();
            duplicates += outcome.duplicates();
        }
        log.info("Demo data: {} deals in pipeline '{}' (seed {}, as of {}): {} changes recorded, {} already there, "
                        + "in {} ms", deals, PIPELINE, seed, asOf, applied, duplicates,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The demo pipeline's second version: the template's stages, qualification now a gate that the team checks before
     * a deal moves on. The keys stay, so no mapping is needed; the histories skip qualification less from then on.
     */
    static List<StageDefinition> enforcedQualification() {
        return SolutionSalesTemplate.STAGES.stream()
                .map(stage -> stage.key().equals("qualification")
                        ? new StageDefinition(stage.key(), "Qualification (checked before moving on)", stage.goal(),
                                stage.exitCriterion(), stage.expectedDays(), stage.criteria())
                        : stage)
                .toList();
    }
}
