package io.pipelens.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch written behind the processor: its token is stored only after its write, reads see it before it lands, and a
 * failed write keeps its token (and every later one) from being stored and is thrown to the processor once.
 */
class WriteBehindTest {

    private static final String PROCESSOR = "deal-journey";

    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final List<String> written = new ArrayList<>();
    private WriteBehind<Doc> writes;
    private WriteBehindTokenStore tokens;

    record Doc(String id, int version) {
    }

    @BeforeEach
    void start() {
        writes = new WriteBehind<>(PROCESSOR, Doc::id);
        tokens = new WriteBehindTokenStore(stored, PROCESSOR, writes);
        stored.initializeTokenSegments(PROCESSOR, 2);
    }

    @AfterEach
    void stop() {
        writes.close();
    }

    @Test
    void aTokenIsStoredOnlyAfterTheWritesOfItsBatch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WriteBehind<Doc>.Lane lane = writes.lane(0);

        lane.write(List.of(new Doc("a", 1), new Doc("b", 1)), held(release));
        tokens.storeToken(token(10), PROCESSOR, 0);

        assertThat(stored.fetchToken(PROCESSOR, 0)).as("token while its batch is being written").isNull();
        assertThat(lane.storedPosition()).isEmpty();
        assertThat(lane.unwritten(List.of("a", "b", "c"))).as("reads see the batch before it lands")
                .isEqualTo(Map.of("a", new Doc("a", 1), "b", new Doc("b", 1)));

        release.countDown();
        lane.drain();

        assertThat(written).containsExactly("a1", "b1");
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(token(10));
        assertThat(lane.storedPosition()).isEqualTo(OptionalLong.of(10));
        assertThat(lane.unwritten(List.of("a", "b"))).as("written documents are read from the store").isEmpty();
    }

    @Test
    void writesLandInTheOrderTheyWereHandedIn() {
        WriteBehind<Doc>.Lane lane = writes.lane(0);
        for (int version = 1; version <= 50; version++) {
            lane.write(List.of(new Doc("a", version)), record());
        }
        lane.drain();

        assertThat(written).hasSize(50).last().isEqualTo("a50");
        assertThat(written).isSortedAccordingTo((x, y) ->
                Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1))));
    }

    @Test
    void aProcessorFoldingFasterThanItsWritesLandWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WriteBehind<Doc>.Lane lane = writes.lane(0);
        lane.write(List.of(new Doc("a", 1)), held(release));
        for (int i = 2; i <= WriteBehind.WRITES_IN_FLIGHT; i++) {
            lane.write(List.of(new Doc("a", i)), record());
        }

        Waiting oneMore = waitingIn(() -> lane.write(List.of(new Doc("a", WriteBehind.WRITES_IN_FLIGHT + 1)),
                record()));
        assertThat(written).as("a write beyond the ones in flight waits while they are held").isEmpty();

        release.countDown();
        oneMore.finish();
        lane.drain();
        assertThat(written).hasSize(WriteBehind.WRITES_IN_FLIGHT + 1);
    }

    @Test
    void aTokenWithNoWriteBeforeItIsStoredAtOnce() {
        tokens.storeToken(token(3), PROCESSOR, 1);

        assertThat(stored.fetchToken(PROCESSOR, 1)).isEqualTo(token(3));
        assertThat(writes.lane(1).storedPosition()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void aFailedWriteKeepsItsTokenAndTheLaterOnesAndIsThrownOnce() {
        tokens.storeToken(token(5), PROCESSOR, 0);
        WriteBehind<Doc>.Lane lane = writes.lane(0);
        // Held, so that what follows is handed in before the failure happens.
        CountDownLatch release = new CountDownLatch(1);
        writes.lane(1).write(List.of(), held(release));

        lane.write(List.of(new Doc("a", 1)), documents -> {
            throw new IllegalStateException("disk full");
        });
        tokens.storeToken(token(10), PROCESSOR, 0);
        lane.write(List.of(new Doc("b", 1)), record());
        tokens.storeToken(token(20), PROCESSOR, 0);
        release.countDown();
        // The failure is thrown at the first write or drain after it happened.
        writes.awaitAll();

        assertThatThrownBy(() -> lane.write(List.of(new Doc("c", 1)), record()))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(written).as("writes after the failed one are skipped").isEmpty();
        assertThat(stored.fetchToken(PROCESSOR, 0)).as("the token before the failure").isEqualTo(token(5));
        assertThat(lane.storedPosition()).isEqualTo(OptionalLong.of(5));
        assertThat(lane.unwritten(List.of("a", "b", "c"))).as("skipped documents are read from the store again")
                .isEmpty();

        lane.write(List.of(new Doc("a", 2)), record());
        tokens.storeToken(token(10), PROCESSOR, 0);
        lane.drain();
        assertThat(written).as("once reported, the lane writes again").containsExactly("a2");
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(token(10));
    }

    @Test
    void anIdleProcessorLearnsOfAFailedWriteWhenItExtendsItsClaim() {
        WriteBehind<Doc>.Lane lane = writes.lane(0);
        lane.write(List.of(new Doc("a", 1)), documents -> {
            throw new IllegalStateException("connection reset");
        });
        writes.awaitAll();

        assertThatThrownBy(() -> tokens.extendClaim(PROCESSOR, 0)).hasMessage("connection reset");
        tokens.extendClaim(PROCESSOR, 0);
    }

    @Test
    void releasingAClaimWaitsForTheSegmentsWritesAndItsToken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        writes.lane(0).write(List.of(new Doc("a", 1)), held(release));
        tokens.storeToken(token(7), PROCESSOR, 0);

        Waiting released = waitingIn(() -> tokens.releaseClaim(PROCESSOR, 0));
        assertThat(stored.fetchToken(PROCESSOR, 0)).as("token while the release waits for the write").isNull();

        release.countDown();
        released.finish();
        assertThat(written).containsExactly("a1");
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(token(7));
    }

    @Test
    void fetchingATokenAfterAFailedWriteGivesTheLastOneStored() {
        tokens.storeToken(token(5), PROCESSOR, 0);
        writes.lane(0).write(List.of(new Doc("a", 1)), documents -> {
            throw new IllegalStateException("timeout");
        });
        tokens.storeToken(token(10), PROCESSOR, 0);

        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(token(5));
        writes.lane(0).write(List.of(new Doc("a", 1)), record());
        writes.lane(0).drain();
        assertThat(written).as("the failure was consumed by the fetch").containsExactly("a1");
    }

    @Test
    void onceTheWriterHasStoppedNoTokenIsStoredAfterAWriteItRefused() {
        tokens.storeToken(token(5), PROCESSOR, 0);
        writes.close();
        WriteBehind<Doc>.Lane lane = writes.lane(0);

        lane.write(List.of(new Doc("a", 1)), record());

        assertThatThrownBy(() -> tokens.storeToken(token(10), PROCESSOR, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("writer has stopped");
        assertThatThrownBy(() -> lane.write(List.of(new Doc("b", 1)), record()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(written).isEmpty();
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(token(5));
    }

    @Test
    void anotherProcessorsTokensAreRefused() {
        assertThatThrownBy(() -> tokens.storeToken(token(1), "pipelines", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processorName");
    }

    /** A call made on a thread of its own, once that thread is parked waiting (it has not returned). */
    private record Waiting(Thread thread, AtomicReference<Throwable> failure) {

        /** Waits for the call to return, and rethrows what it threw. */
        void finish() throws Exception {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("the call still waits").isFalse();
            if (failure.get() != null) {
                throw new AssertionError("the call failed", failure.get());
            }
        }
    }

    private static Waiting waitingIn(Runnable call) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "waiting-caller");
        thread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> thread.getState() == Thread.State.WAITING
                || !thread.isAlive());
        assertThat(thread.isAlive()).as("the call returned instead of waiting").isTrue();
        return new Waiting(thread, failure);
    }

    private Consumer<Collection<Doc>> record() {
        return documents -> documents.forEach(d -> written.add(d.id() + d.version()));
    }

    private Consumer<Collection<Doc>> held(CountDownLatch release) {
        return documents -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            record().accept(documents);
        };
    }

    private static TrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
