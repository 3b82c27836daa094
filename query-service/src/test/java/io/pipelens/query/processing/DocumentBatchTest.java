package io.pipelens.query.processing;

import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.support.EventProcessing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * {@link DocumentBatch} under Axon's own units of work, with a projection that counts the events of each deal into an
 * in-memory store that records every call.
 */
class DocumentBatchTest {

    private static final String BATCH = "test.tally-batch";

    private final RecordingStore store = new RecordingStore();
    /** How many writes the store had seen right after each handled message. */
    private final List<Integer> writesAfterEachMessage = new ArrayList<>();

    @Test
    void loadsEveryDocumentOfTheBatchWithOneQueryAndNeverAsksAgainForAbsentOnes() {
        store.documents.put("d1", new Tally("d1", 5));

        EventProcessing.inOneBatch(dealMessages("d1", "d2", "d1", "d3", "d2"), this::countEvent);

        assertThat(store.loads).containsExactly(Set.of("d1", "d2", "d3"));
    }

    @Test
    void writesOnceAtTheLastMessageWithEveryChangeOfTheBatch() {
        store.documents.put("d1", new Tally("d1", 5));

        EventProcessing.inOneBatch(dealMessages("d1", "d2", "d1", "d3", "d2"), this::countEvent);

        assertThat(writesAfterEachMessage).containsExactly(0, 0, 0, 0, 1);
        assertThat(store.writes).hasSize(1);
        assertThat(store.writes.get(0)).containsExactlyInAnyOrder(
                new Tally("d1", 7), new Tally("d2", 2), new Tally("d3", 1));
    }

    @Test
    void payloadsThatTouchNoDocumentAreLeftOutOfThePrefetch() {
        List<EventMessage<?>> messages = new ArrayList<>(dealMessages("d1"));
        messages.add(GenericEventMessage.asEventMessage("not about a deal"));
        messages.addAll(dealMessages("d2"));

        EventProcessing.inOneBatch(messages, this::countEvent);

        assertThat(store.loads).containsExactly(Set.of("d1", "d2"));
        assertThat(store.documents).containsOnlyKeys("d1", "d2");
    }

    @Test
    void aBatchWhoseLastMessageTheProjectionIgnoresIsStillWrittenBeforeItCommits() {
        List<EventMessage<?>> messages = new ArrayList<>(dealMessages("d1", "d2"));
        messages.add(GenericEventMessage.asEventMessage("not about a deal"));

        EventProcessing.inOneBatch(messages, this::countEvent);

        assertThat(writesAfterEachMessage).containsExactly(0, 0);
        assertThat(store.writes).hasSize(1);
        assertThat(store.documents).containsOnlyKeys("d1", "d2");
    }

    @Test
    void flushAllIfLastWritesAtTheLastMessageBeforeTheTokenIsStoredAtCommit() {
        List<EventMessage<?>> messages = new ArrayList<>(dealMessages("d1", "d2"));
        messages.add(GenericEventMessage.asEventMessage("not about a deal"));
        List<String> steps = new ArrayList<>();

        EventProcessing.inOneBatch(messages, (message, unitOfWork) -> {
            if (((BatchingUnitOfWork<?>) unitOfWork).isFirstMessage()) {
                // as Axon's tracking processor does when it stores tokens after processing
                unitOfWork.onPrepareCommit(u -> steps.add("token stored after " + store.writes.size() + " writes"));
            }
            String id = dealIdOf(message.getPayload());
            if (id != null) {
                DocumentBatch<Tally> batch = batchOf(unitOfWork);
                batch.put(id, new Tally(id, 1));
            }
            DocumentBatch.flushAllIfLast(unitOfWork);
        });

        assertThat(steps).containsExactly("token stored after 1 writes");
        assertThat(store.documents).containsOnlyKeys("d1", "d2");
    }

    @Test
    void aBatchThatChangesNothingWritesNothing() {
        store.documents.put("d1", new Tally("d1", 5));

        EventProcessing.inOneBatch(dealMessages("d1", "d2"), (message, unitOfWork) -> {
            DocumentBatch<Tally> batch = batchOf(unitOfWork);
            batch.get(dealIdOf(message.getPayload()));
            batch.flushIfLast(unitOfWork);
        });

        assertThat(store.loads).hasSize(1);
        assertThat(store.writes).isEmpty();
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        List<EventMessage<?>> messages = dealMessages("d1", "d2", "d3");

        assertThatThrownBy(() -> EventProcessing.inOneBatch(messages, (message, unitOfWork) -> {
            if ("d3".equals(dealIdOf(message.getPayload()))) {
                throw new IllegalStateException("projection failed");
            }
            countEvent(message, unitOfWork);
        })).hasMessage("projection failed");

        assertThat(store.writes).isEmpty();
        assertThat(store.documents).isEmpty();
    }

    @Test
    void withoutABatchEveryEventIsLoadedAndWrittenOnItsOwn() {
        store.documents.put("d1", new Tally("d1", 5));

        for (EventMessage<?> message : dealMessages("d1", "d2", "d1")) {
            EventProcessing.inOwnUnitOfWork(message, this::countEvent);
        }

        assertThat(store.loads).containsExactly(Set.of("d1"), Set.of("d2"), Set.of("d1"));
        assertThat(writesAfterEachMessage).containsExactly(1, 2, 3);
        assertThat(store.writes).containsExactly(
                List.of(new Tally("d1", 6)), List.of(new Tally("d2", 1)), List.of(new Tally("d1", 7)));
    }

    /** The shape of a batching projection: look up through the batch, put the new state, flush at the last message. */
    private void countEvent(EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        String id = dealIdOf(message.getPayload());
        if (id == null) {
            return;
        }
        DocumentBatch<Tally> batch = batchOf(unitOfWork);
        Tally before = batch.get(id);
        batch.put(id, new Tally(id, before == null ? 1 : before.events() + 1));
        batch.flushIfLast(unitOfWork);
        writesAfterEachMessage.add(store.writes.size());
    }

    private DocumentBatch<Tally> batchOf(UnitOfWork<?> unitOfWork) {
        return DocumentBatch.of(unitOfWork, BATCH, store, DocumentBatchTest::dealIdOf);
    }

    private static String dealIdOf(Object payload) {
        return payload instanceof DealEvent deal ? deal.dealId() : null;
    }

    /** One event per listed deal id, in that order. */
    private static List<EventMessage<?>> dealMessages(String... dealIds) {
        List<DealEvent> events = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String id : dealIds) {
            int n = seen.merge(id, 1, Integer::sum);
            events.add(n == 1 ? opened(id, "contact", day(0)) : moved(id, "contact", "profiling", day(n)));
        }
        return new ArrayList<>(asMessages(events));
    }

    record Tally(String id, int events) {
    }

    /** Keeps documents in a map and records each load (the ids asked for) and each bulk write. */
    static final class RecordingStore implements DocumentBatch.DocumentStore<Tally> {

        final Map<String, Tally> documents = new HashMap<>();
        final List<Set<String>> loads = new ArrayList<>();
        final List<List<Tally>> writes = new ArrayList<>();

        @Override
        public Map<String, Tally> load(Collection<String> ids) {
            loads.add(Set.copyOf(ids));
            return ids.stream().filter(documents::containsKey)
                    .collect(Collectors.toMap(Function.identity(), documents::get));
        }

        @Override
        public void upsertAll(Collection<Tally> tallies) {
            writes.add(List.copyOf(tallies));
            tallies.forEach(tally -> documents.put(tally.id(), tally));
        }
    }
}
