package io.pipelens.command.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.command.CommandDispatcher;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.CommandResult;
import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The deals a command-service instance keeps in memory between commands ({@link CatchUpCachingRepository}) answer as
 * deals sourced from the whole store would: a change made through another instance on the same store is seen by the
 * next command, even one that appends nothing, and a command refused part-way leaves nothing of its changes behind.
 */
class KeptDealsTest {

    private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");
    private static final List<StageDefinition> STAGES = List.of(stage("contact"), stage("call"),
            stage("qualification"));

    @Test
    void aChangeThroughAnotherInstanceIsSeenByTheNextCommand() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:kept-deals-two;DB_CLOSE_DELAY=-1", "--server.port=0",
                "--spring.graphql.graphiql.enabled=false"};
        try (ConfigurableApplicationContext first = CommandServiceApplication.builder().run(args);
             ConfigurableApplicationContext second = CommandServiceApplication.builder().run(args)) {
            CommandDispatcher here = first.getBean(CommandDispatcher.class);
            CommandDispatcher there = second.getBean(CommandDispatcher.class);
            assertApplied(here.dispatch(new DefinePipelineCommand("kept", "Kept", STAGES, T0)));
            assertApplied(here.dispatch(new OpenDealCommand("d-1", "kept", "contact", null, T0.plusSeconds(1))));
            assertApplied(here.dispatch(new MoveDealToStageCommand("d-1", "call", T0.plusSeconds(2))));
            assertThat(keptCount(first)).as("the first instance keeps the deal it changed").isEqualTo(1);

            assertApplied(there.dispatch(new MoveDealToStageCommand("d-1", "contact", T0.plusSeconds(3))));

            // Kept as it was after its own move, the deal would still be at 'call' here, and refuse this.
            assertApplied(here.dispatch(new MoveDealToStageCommand("d-1", "call", T0.plusSeconds(4))));
            assertThat(here.dispatch(new MoveDealToStageCommand("d-1", "contact", T0.plusSeconds(3))).outcome())
                    .as("the other instance's move, sent again here").isEqualTo(CommandOutcome.DUPLICATE);
            assertThat(there.dispatch(new MoveDealToStageCommand("d-1", "call", T0.plusSeconds(5))).violations())
                    .as("and the other instance sees this one's move in turn").singleElement()
                    .satisfies(v -> assertThat(v.reason()).contains("already at stage 'call'"));
        }
    }

    @Test
    void aCommandRefusedPartWayLeavesTheKeptDealAsItWas() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:kept-deals-refused;DB_CLOSE_DELAY=-1",
                "--server.port=0", "--spring.graphql.graphiql.enabled=false"};
        try (ConfigurableApplicationContext service = CommandServiceApplication.builder().run(args)) {
            CommandDispatcher dispatcher = service.getBean(CommandDispatcher.class);
            assertApplied(dispatcher.dispatch(new DefinePipelineCommand("kept", "Kept", STAGES, T0)));
            assertApplied(dispatcher.dispatch(new OpenDealCommand("d-2", "kept", "contact", null, T0.plusSeconds(1))));
            assertThat(keptCount(service)).isEqualTo(1);

            // The first change is applied to the deal before the second is refused, and the whole command with it.
            CommandGateway gateway = service.getBean(CommandGateway.class);
            assertThatThrownBy(() -> gateway.sendAndWait(new RecordDealHistoryCommand("d-2", List.of(
                    new MoveDealToStageCommand("d-2", "call", T0.plusSeconds(2)),
                    new MoveDealToStageCommand("d-2", "nowhere", T0.plusSeconds(3))))))
                    .isInstanceOf(CommandRejectedException.class);

            assertApplied(dispatcher.dispatch(new MoveDealToStageCommand("d-2", "call", T0.plusSeconds(2))));
        }
    }

    @Test
    void aNestedCommandThatRollsBackLeavesNothingOfItsChangeInTheKeptDeal() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:kept-deals-nested;DB_CLOSE_DELAY=-1",
                "--server.port=0", "--spring.graphql.graphiql.enabled=false"};
        try (ConfigurableApplicationContext service = CommandServiceApplication.builder().run(args)) {
            CommandDispatcher dispatcher = service.getBean(CommandDispatcher.class);
            CommandGateway gateway = service.getBean(CommandGateway.class);
            assertApplied(dispatcher.dispatch(new DefinePipelineCommand("kept", "Kept", STAGES, T0)));
            assertApplied(dispatcher.dispatch(new OpenDealCommand("d-4", "kept", "contact", null, T0.plusSeconds(1))));

            // Three commands on one deal in one root unit of work, as a batch of an import could send them: the
            // second moves the deal and then is refused, so its nested unit of work rolls back.
            UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
            root.execute(() -> {
                gateway.sendAndWait(new RecordDealHistoryCommand("d-4", List.of(
                        new MoveDealToStageCommand("d-4", "call", T0.plusSeconds(2)))));
                assertThatThrownBy(() -> gateway.sendAndWait(new RecordDealHistoryCommand("d-4", List.of(
                        new MoveDealToStageCommand("d-4", "qualification", T0.plusSeconds(3)),
                        new MoveDealToStageCommand("d-4", "nowhere", T0.plusSeconds(4))))))
                        .isInstanceOf(CommandRejectedException.class);
                // Kept with the refused command's move in it, the deal would be at 'qualification' and refuse this.
                gateway.sendAndWait(new RecordDealHistoryCommand("d-4", List.of(
                        new MoveDealToStageCommand("d-4", "qualification", T0.plusSeconds(5)))));
            });

            assertThat(dispatcher.dispatch(new MoveDealToStageCommand("d-4", "qualification", T0.plusSeconds(5)))
                    .outcome()).as("the third command was recorded").isEqualTo(CommandOutcome.DUPLICATE);
        }
    }

    @Test
    void noDealIsKeptWhereNoneMayBe() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:kept-deals-none;DB_CLOSE_DELAY=-1",
                "--server.port=0", "--spring.graphql.graphiql.enabled=false", "--pipelens.command.kept-deals=0"};
        try (ConfigurableApplicationContext service = CommandServiceApplication.builder().run(args)) {
            assertThat(service.getBean("dealRepository", Repository.class))
                    .isNotInstanceOf(CatchUpCachingRepository.class);
            CommandDispatcher dispatcher = service.getBean(CommandDispatcher.class);
            assertApplied(dispatcher.dispatch(new DefinePipelineCommand("kept", "Kept", STAGES, T0)));
            assertApplied(dispatcher.dispatch(new OpenDealCommand("d-3", "kept", "contact", null, T0.plusSeconds(1))));
            assertApplied(dispatcher.dispatch(new MoveDealToStageCommand("d-3", "call", T0.plusSeconds(2))));
        }
    }

    private static StageDefinition stage(String key) {
        return new StageDefinition(key, "Stage " + key, "the client reached " + key, "exit from " + key, null);
    }

    private static void assertApplied(CommandResult result) {
        assertThat(result.violations()).isEmpty();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.APPLIED);
    }

    private static int keptCount(ConfigurableApplicationContext service) {
        Repository<?> deals = service.getBean("dealRepository", Repository.class);
        assertThat(deals).isInstanceOf(CatchUpCachingRepository.class);
        return ((CatchUpCachingRepository<?>) deals).keptCount();
    }
}
