package io.pipelens.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.command.CommandDispatcher;
import io.pipelens.command.CommandResult;
import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.platform.eventstore.EventStoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Deal commands racing a redefinition that removes a stage, on the real command service. A deal command is judged
 * against the pipeline's version current when it is handled (not the version in force at its business time): every
 * command sent after the redefinition was answered is judged against version 2 and may not enter the removed stage;
 * every one answered before the redefinition was sent is judged against version 1; and every deal event records,
 * in its metadata, the version its command was judged against, whose stages hold the stage it entered. The fetch
 * delay is an hour here, so this service learns of the redefinition only from its own write path; another instance,
 * which polls every 20 ms, learns of it from the store.
 */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:redefinition-race;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false",
        "pipelens.event-store.fetch-delay=1h"})
class PipelineRedefinitionRaceTest {

    private static final String PIPELINE = "race";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Map<Integer, Set<String>> STAGES_OF_VERSION = Map.of(
            1, keys(Stages.ACTIVITY_BASED), 2, keys(Stages.GOAL_BASED));
    private static final List<StageMapping> CALL_ABSORBED = List.of(StageMapping.absorbed("call"),
            StageMapping.to("proposal", "terms"));
    private static final int WRITERS = 2;
    private static final int MOVES_EACH_SIDE = 5;
    private static final Duration OTHER_FETCH_DELAY = Duration.ofMillis(20);

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStoreProperties eventStoreProperties;

    private static Set<String> keys(List<StageDefinition> stages) {
        return stages.stream().map(StageDefinition::key).collect(Collectors.toSet());
    }

    /** One move as sent: the deal, the stage, its business time, when it was sent and answered, and the answer. */
    private record Attempt(String dealId, String stage, Instant occurredAt, long sentAt, long answeredAt,
                           CommandResult result) {
    }

    @Test
    void judgesEachDealCommandAgainstTheVersionCurrentWhenItIsHandled() throws Exception {
        assertThat(dispatcher.dispatch(new DefinePipelineCommand(PIPELINE, "Race", Stages.ACTIVITY_BASED, T0))
                .outcome()).isEqualTo(CommandOutcome.APPLIED);
        EventStorePipelineCatalog otherInstance = new EventStorePipelineCatalog(eventStore, OTHER_FETCH_DELAY,
                System::nanoTime);
        assertThat(otherInstance.current(PIPELINE).orElseThrow().version()).isEqualTo(1);

        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String dealId = "racer-" + w;
            running.add(writers.submit(() -> moveBackAndForth(dealId, stop, attempts)));
        }
        awaitMovesIntoCall(attempts, Long.MIN_VALUE);
        long redefinitionSent = System.nanoTime();
        CommandResult redefined = dispatcher.dispatch(new RedefinePipelineCommand(PIPELINE, Stages.GOAL_BASED,
                CALL_ABSORBED, T0.plusSeconds(1)));
        long redefinitionAnswered = System.nanoTime();
        awaitMovesIntoCall(attempts, redefinitionAnswered);
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(redefined.outcome()).isEqualTo(CommandOutcome.APPLIED);
        List<Attempt> intoCall = attempts.stream().filter(a -> a.stage().equals("call")).toList();
        List<Attempt> before = intoCall.stream().filter(a -> a.answeredAt() < redefinitionSent).toList();
        List<Attempt> after = intoCall.stream().filter(a -> a.sentAt() > redefinitionAnswered).toList();
        assertThat(before).as("moves into 'call' answered before the redefinition was sent").isNotEmpty()
                .allSatisfy(a -> assertThat(a.result().outcome()).isEqualTo(CommandOutcome.APPLIED));
        assertThat(after).as("moves into 'call' sent after the redefinition was answered").isNotEmpty()
                .allSatisfy(a -> assertThat(a.result().violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("stage");
                    assertThat(v.reason()).contains("'call' is not a stage of pipeline 'race' (version 2)");
                }));

        Map<String, Integer> judgedUnder = judgedVersionsByDealAndTime();
        for (Attempt attempt : attempts) {
            Integer version = judgedUnder.get(attempt.dealId() + "@" + attempt.occurredAt());
            if (attempt.result().isRejected()) {
                assertThat(version).as("a refused move records nothing").isNull();
            } else if (attempt.answeredAt() < redefinitionSent) {
                assertThat(version).as("judged before the redefinition: %s", attempt).isEqualTo(1);
            } else if (attempt.sentAt() > redefinitionAnswered) {
                assertThat(version).as("judged after the redefinition: %s", attempt).isEqualTo(2);
            } else {
                assertThat(version).as("judged during the redefinition: %s", attempt).isIn(1, 2);
            }
        }

        TimeUnit.NANOSECONDS.sleep(OTHER_FETCH_DELAY.toNanos());
        assertThat(otherInstance.current(PIPELINE).orElseThrow().version())
                .as("another instance answers the redefinition one fetch delay later").isEqualTo(2);
        assertThat(new EventStorePipelineCatalog(eventStore, eventStoreProperties).current(PIPELINE).orElseThrow()
                .version()).as("after a restart").isEqualTo(2);
    }

    /** Waits until every writer has answered {@value #MOVES_EACH_SIDE} moves into 'call' sent after {@code sentAfter}. */
    private static void awaitMovesIntoCall(Queue<Attempt> attempts, long sentAfter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (attempts.stream().filter(a -> a.stage().equals("call") && a.sentAt() > sentAfter)
                .collect(Collectors.groupingBy(Attempt::dealId, Collectors.counting())).values().stream()
                .filter(count -> count >= MOVES_EACH_SIDE).count() < WRITERS) {
            assertThat(System.nanoTime()).as("writers still moving deals").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** Moves one deal contact → call → qualification → contact …; where 'call' is refused, on to qualification. */
    private void moveBackAndForth(String dealId, AtomicBoolean stop, Queue<Attempt> attempts) {
        List<String> cycle = List.of("contact", "call", "qualification");
        Instant at = T0.plusSeconds(10);
        dispatcher.dispatch(new OpenDealCommand(dealId, PIPELINE, "contact", null, at));
        int position = 0;
        while (!stop.get()) {
            position = (position + 1) % cycle.size();
            String next = cycle.get(position);
            at = at.plusSeconds(1);
            long sent = System.nanoTime();
            CommandResult result = dispatcher.dispatch(new MoveDealToStageCommand(dealId, next, at));
            attempts.add(new Attempt(dealId, next, at, sent, System.nanoTime(), result));
            if (result.isRejected() && !next.equals("call")) {
                throw new AssertionError("move of " + dealId + " to " + next + " refused: " + result.violations());
            }
        }
    }

    /** The version recorded on every deal event of the racers, by deal and business time; checks each stage. */
    private Map<String, Integer> judgedVersionsByDealAndTime() {
        Map<String, Integer> versions = new HashMap<>();
        for (int w = 0; w < WRITERS; w++) {
            var events = eventStore.readEvents(AggregateIds.deal("racer-" + w));
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                Object version = event.getMetaData().get("pipelineVersion");
                assertThat(version).as("version recorded on %s", event.getPayload()).isInstanceOf(Integer.class);
                String dealId;
                String stage;
                Instant at;
                if (event.getPayload() instanceof DealOpenedEvent opened) {
                    dealId = opened.dealId();
                    stage = opened.stage();
                    at = opened.occurredAt();
                } else {
                    DealMovedToStageEvent moved = (DealMovedToStageEvent) event.getPayload();
                    dealId = moved.dealId();
                    stage = moved.toStage();
                    at = moved.occurredAt();
                }
                assertThat(STAGES_OF_VERSION.get((Integer) version)).as("stages of version %s", version)
                        .contains(stage);
                versions.put(dealId + "@" + at, (Integer) version);
            }
        }
        return versions;
    }
}
