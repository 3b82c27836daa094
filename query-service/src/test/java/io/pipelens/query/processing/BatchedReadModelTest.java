package io.pipelens.query.processing;

import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.query.support.EventProcessing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchedReadModel} under Axon's units of work, with a projection that counts the events of each deal the way
 * a Pipelens projection folds them (get, fold, put) and the handler interceptor every processor runs.
 */
class BatchedReadModelTest {

    private static final String PROCESSOR = "tally";
    private static final Map<String, Integer> SEGMENT_0 = Map.of(BatchedReadModel.segmentResource(PROCESSOR), 0);

    private final RecordingStore store = new RecordingStore();
    private final WriteBehind<Tally> writes = new WriteBehind<>(PROCESSOR, Tally::id);
    private final ReadModel<Tally> tallies = new BatchedReadModel<>(PROCESSOR, store, writes, Tally::id,
            payload -> payload instanceof DealEvent deal ? deal.dealId() : null,
            payload -> payload instanceof DealOpenedEvent);

    @AfterEach
    void stopWriter() {
        writes.close();
    }

    @Test
    void readsABatchOnceWritesItOnceAtItsLastMessageAndReportsThatMessagesPosition() {
        store.documents.put("d1", new Tally("d1", 5));
        List<EventMessage<?>> messages = tracked(moved("d1", "contact", "profiling", day(1)),
                opened("d2", "contact", day(1)), moved("d1", "profiling", "contact", day(2)), "not about a deal");

        inOneBatch(messages, Map.of());

        assertThat(store.loads).containsExactly(Set.of("d1", "d2"));
        assertThat(store.writes).containsExactly(List.of(new Tally("d1", 7), new Tally("d2", 1)));
        assertThat(store.handledUpTo).as("the last message touches no document, yet ends the batch")
                .containsExactly(3L);
    }

    @Test
    void anEventThatCannotComeFirstAsksAgainForADocumentTheBatchReadLeftOut() {
        store.documents.put("d1", new Tally("d1", 5));
        store.leftOut.add("d1");
        store.leftOut.add("d2");

        inOneBatch(tracked(opened("d2", "contact", day(0)), moved("d1", "contact", "profiling", day(1))), Map.of());

        assertThat(store.exactLoads).as("the opening of d2 may find nothing").containsExactly(Set.of("d1"));
        assertThat(store.documents).containsEntry("d1", new Tally("d1", 6)).containsEntry("d2", new Tally("d2", 1));
    }

    @Test
    void aLiveBatchWaitsForItsWriteOnItsSegmentsLane() {
        inOneBatch(tracked(opened("d1", "contact", day(0))), SEGMENT_0);

        assertThat(writes.lane(0).handedIn()).isEqualTo(1);
        assertThat(store.documents).containsOnlyKeys("d1");
    }

    @Test
    void aReplayBatchIsWrittenBehindTheProcessor() throws InterruptedException {
        store.replaying = true;
        CountDownLatch release = new CountDownLatch(1);
        // Another segment's write holds the one writer thread, so this segment's write queues behind it.
        writes.lane(1).write(List.of(), written -> awaitQuietly(release));

        inOneBatch(tracked(opened("d1", "contact", day(0))), SEGMENT_0);

        assertThat(store.documents).as("while the writer is held").isEmpty();
        release.countDown();
        writes.lane(0).drain();
        assertThat(store.documents).containsOnlyKeys("d1");
    }

    @Test
    void resetForgetsTheStoredPositionsBeforeTheStoreStartsItsReplay() {
        writes.lane(0).stored(OptionalLong.of(7));

        tallies.reset();

        assertThat(store.positionAtReset).containsExactly(OptionalLong.empty());
    }

    /** Handles each message as a Pipelens projection does, then runs the processors' handler interceptor. */
    private void inOneBatch(List<EventMessage<?>> messages, Map<String, Integer> resources) {
        List<EventMessage<?>> batch = new ArrayList<>(messages);
        EventProcessing.inOneBatch(batch, resources, (message, unitOfWork) -> {
            if (message.getPayload() instanceof DealEvent event) {
                Tally before = tallies.get(event.dealId());
                tallies.put(new Tally(event.dealId(), before == null ? 1 : before.events() + 1));
            }
            DocumentBatch.flushAllIfLast(unitOfWork);
        });
    }

    /** The payloads as tracked messages at positions 0, 1, ... */
    private static List<EventMessage<?>> tracked(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(messages.size()), GenericEventMessage.asEventMessage(payload));
            messages.add(message);
        }
        return messages;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Tally(String id, int events) {
    }

    /** Keeps documents in a map and records what the read model asks of it. */
    final class RecordingStore implements BatchedReadModel.Store<Tally> {

        final Map<String, Tally> documents = new HashMap<>();
        /** Ids the batch's read leaves out, as a store that knows it never wrote them does. */
        final Set<String> leftOut = new HashSet<>();
        final List<Set<String>> loads = new ArrayList<>();
        final List<Set<String>> exactLoads = new ArrayList<>();
        final List<List<Tally>> writes = new ArrayList<>();
        final List<Long> handledUpTo = new ArrayList<>();
        final List<OptionalLong> positionAtReset = new ArrayList<>();
        volatile boolean replaying;

        @Override
        public synchronized Map<String, Tally> load(Collection<String> ids) {
            loads.add(Set.copyOf(ids));
            return found(ids.stream().filter(id -> !leftOut.contains(id)).toList());
        }

        @Override
        public synchronized Map<String, Tally> loadExactly(Collection<String> ids) {
            exactLoads.add(Set.copyOf(ids));
            return found(ids);
        }

        private Map<String, Tally> found(Collection<String> ids) {
            Map<String, Tally> found = new HashMap<>();
            ids.stream().filter(documents::containsKey).forEach(id -> found.put(id, documents.get(id)));
            return found;
        }

        @Override
        public synchronized void upsertAll(Collection<Tally> tallies) {
            writes.add(List.copyOf(tallies));
            tallies.forEach(tally -> documents.put(tally.id(), tally));
        }

        @Override
        public boolean replaying() {
            return replaying;
        }

        @Override
        public void handledUpTo(long position) {
            handledUpTo.add(position);
        }

        @Override
        public void reset() {
            positionAtReset.add(BatchedReadModelTest.this.writes.lane(0).storedPosition());
        }
    }
}
