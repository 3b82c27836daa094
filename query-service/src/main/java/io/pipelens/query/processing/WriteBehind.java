package io.pipelens.query.processing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a projection's batches on a thread of its own, so the processor reads and folds batch N+1 while batch N is
 * written. Every write of the projection runs on that one thread, in the order handed in, and a token handed in after
 * a write is stored after it there (or at once, on the caller's thread, when its lane has nothing unwritten); so a
 * batch's token moves only once everything before it is written.
 *
 * <p>Each segment of the processor has a {@link Lane}: the documents handed to it and not yet written (reads see
 * them first, so batch N+1 folds onto batch N's journeys), the last task handed in, and the first failure. A failed
 * task makes every later task of its lane a no-op (its token is not stored) until the failure has been reported, by
 * throwing it to the processor's thread at its next write or drain: the processor then rolls its batch back and
 * starts again from its stored token, as after any failed batch.
 *
 * @param <T> the document type
 */
public final class WriteBehind<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    /**
     * Writes a lane may have handed in and not finished: one being written and some queued behind it. A processor
     * that folds faster than its writes land waits here instead of piling its batches up in memory.
     */
    static final int WRITES_IN_FLIGHT = 3;

    private final String name;
    private final Function<T, String> idOf;
    private final ExecutorService writer;
    private final Map<Integer, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param name names the writer thread
     * @param idOf the document's {@code _id}
     */
    public WriteBehind(String name, Function<T, String> idOf) {
        this.name = name;
        this.idOf = idOf;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The lane of {@code segment}. */
    public Lane lane(int segment) {
        return lanes.computeIfAbsent(segment, Lane::new);
    }

    /**
     * Forgets the positions the lanes saw stored: a replay starts, and positions from before it say nothing of how far
     * it has got.
     */
    public void forgetStoredPositions() {
        lanes.values().forEach(lane -> lane.stored(OptionalLong.empty()));
    }

    /** Waits for every task handed in so far, and throws nothing: failures stay with their lanes. */
    public void awaitAll() {
        await(CompletableFuture.runAsync(() -> { }, writer));
    }

    /** Waits for the tasks handed in, then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("The {} writer did not finish its writes within a minute", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CompletableFuture<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                // A task already handed in runs anyway; returning before it ends would let a caller see it half done.
                interrupted = true;
            } catch (ExecutionException e) {
                // Tasks catch their own failures; only a rejected task (writer stopped) ends here.
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One segment's writes, in order. */
    public final class Lane {

        private final int segment;
        private final Map<String, T> unwritten = new ConcurrentHashMap<>();
        private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        private volatile Throwable failure;
        private volatile long storedPosition = -1;
        private long handedIn;

        private Lane(int segment) {
            this.segment = segment;
        }

        /**
         * Hands {@code documents} to {@code write} on the writer thread; until written, {@link #unwritten} returns
         * them. Waits first while {@value #WRITES_IN_FLIGHT} writes are unfinished. Throws an earlier failure of this
         * lane instead, once every task before it has ended.
         */
        public synchronized void write(Collection<T> documents, Consumer<Collection<T>> write) {
            inFlight.removeIf(CompletableFuture::isDone);
            while (inFlight.size() >= WRITES_IN_FLIGHT) {
                await(inFlight.removeFirst());
            }
            reportIfFailed();
            requireWriter();
            handedIn++;
            for (T document : documents) {
                unwritten.put(idOf.apply(document), document);
            }
            last = last.thenRunAsync(() -> {
                if (failure == null) {
                    try {
                        write.accept(documents);
                    } catch (Throwable e) {
                        failure = e;
                        return;
                    }
                    for (T document : documents) {
                        unwritten.remove(idOf.apply(document), document);
                    }
                }
            }, writer);
            inFlight.addLast(last);
        }

        /**
         * Runs {@code task} after the writes handed in so far, on the writer thread if any is still running, right
         * away otherwise. It is skipped if one of those writes fails.
         */
        public synchronized void afterWrites(Runnable task) {
            requireWriter();
            if (last.isDone() && failure == null) {
                task.run();
                return;
            }
            last = last.thenRunAsync(() -> {
                if (failure == null) {
                    try {
                        task.run();
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
            }, writer);
        }

        /** Waits for every task handed in, then throws the first failure among them, if any. */
        public void drain() {
            await(lastTask());
            reportIfFailed();
        }

        /** Waits for every task handed in, then clears and returns the first failure among them, or null. */
        public Throwable drainQuietly() {
            await(lastTask());
            return takeFailure();
        }

        /** The documents handed in and not written yet, among {@code ids}. */
        public Map<String, T> unwritten(Collection<String> ids) {
            Map<String, T> found = new HashMap<>();
            if (!unwritten.isEmpty()) {
                for (String id : ids) {
                    T document = unwritten.get(id);
                    if (document != null) {
                        found.put(id, document);
                    }
                }
            }
            return found;
        }

        /** How many writes were handed to this lane. */
        public synchronized long handedIn() {
            return handedIn;
        }

        /** The position of the last token this lane saw stored, if it had one. */
        public OptionalLong storedPosition() {
            long position = storedPosition;
            return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
        }

        void stored(OptionalLong position) {
            storedPosition = position.orElse(-1);
        }

        /**
         * A task the stopped writer refused completes exceptionally and would pass for one that ran: nothing more is
         * handed in, or stored after it, once that happened.
         */
        private void requireWriter() {
            if (last.isCompletedExceptionally()) {
                throw new IllegalStateException("The " + name + " writer has stopped: segment " + segment
                        + "'s writes and tokens are not taken any more");
            }
        }

        private synchronized CompletableFuture<Void> lastTask() {
            return last;
        }

        /** Throws this lane's first failure, once every task before it has ended, if a task failed. */
        public void reportIfFailed() {
            Throwable failed = takeFailure();
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
        }

        private synchronized Throwable takeFailure() {
            Throwable failed = failure;
            if (failed != null) {
                await(last);
                failure = null;
                // Skipped writes never land: their documents must be read from the store again.
                unwritten.clear();
                log.warn("A write of {} segment {} failed; the processor starts again from its stored token",
                        name, segment);
            }
            return failed;
        }
    }
}
