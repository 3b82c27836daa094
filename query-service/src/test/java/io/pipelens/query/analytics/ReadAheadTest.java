package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The start-up index build's read-ahead hands on every document in order, its failure, and stops when closed. */
class ReadAheadTest {

    @Test
    void everyDocumentComesInTheCursorsOrderAcrossBatches() {
        List<Integer> read = new ArrayList<>();
        try (AnalyticsRegistry.ReadAhead documents = new AnalyticsRegistry.ReadAhead(new Counting(2_345, -1)::stream, 100)) {
            while (documents.hasNext()) {
                read.add(documents.next().getInteger("n"));
            }
        }

        assertThat(read).hasSize(2_345);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aFailureOfTheCursorReachesTheConsumerAfterTheBatchesBeforeIt() {
        List<Integer> read = new ArrayList<>();
        try (AnalyticsRegistry.ReadAhead documents = new AnalyticsRegistry.ReadAhead(new Counting(1_000, 250)::stream, 100)) {
            assertThatThrownBy(() -> {
                while (documents.hasNext()) {
                    read.add(documents.next().getInteger("n"));
                }
            }).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("store gone at 250");
        }
        assertThat(read).hasSize(200);
    }

    @Test
    void closingItStopsTheReaderAndClosesTheDocuments() throws InterruptedException {
        Counting cursor = new Counting(1_000_000, -1);
        try (AnalyticsRegistry.ReadAhead documents = new AnalyticsRegistry.ReadAhead(cursor::stream, 100)) {
            assertThat(documents.next().getInteger("n")).isZero();
        }
        assertThat(cursor.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cursor.next).isLessThan(1_000_000);
    }

    /** Documents {@code {n: 0}}, {@code {n: 1}}, … up to {@code count}, failing at {@code failAt} if not negative. */
    private static final class Counting implements Iterator<Document> {

        private final int count;
        private final int failAt;
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile int next;

        Counting(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public Document next() {
            if (next == failAt) {
                throw new IllegalArgumentException("store gone at " + failAt);
            }
            return new Document("n", next++);
        }

        Stream<Document> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, 0), false).onClose(closed::countDown);
        }
    }
}
