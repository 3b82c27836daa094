package io.pipelens.command.pipeline;

import static io.pipelens.command.pipeline.PipelineEvents.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog keeps a pipeline's folded version in memory: it reads nothing while the version is trusted, reads the
 * new version at once after a redefinition through this service, and one fetch delay after one through another
 * instance.
 */
class EventStorePipelineCatalogTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    private final AtomicInteger fullReads = new AtomicInteger();
    private final AtomicInteger tailReads = new AtomicInteger();
    private final EmbeddedEventStore store = new EmbeddedEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())) {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            fullReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            tailReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    };
    private static final Duration FETCH_DELAY = Duration.ofMillis(20);
    private static final List<StageMapping> CALL_ABSORBED = List.of(StageMapping.to("contact", "contact"),
            StageMapping.absorbed("call"), StageMapping.to("qualification", "qualification"),
            StageMapping.to("proposal", "terms"), StageMapping.to("signing", "signing"));

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final EventStorePipelineCatalog catalog = new EventStorePipelineCatalog(store, FETCH_DELAY, nanoTime::get);
    private long sequence;

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void append(Object event) {
        store.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), sequence++, event));
    }

    private void redefineWithoutCall() {
        append(PipelineEvents.redefined(2, Stages.GOAL_BASED, CALL_ABSORBED, AT.plusSeconds(60)));
    }

    private void elapse(Duration duration) {
        nanoTime.addAndGet(duration.toNanos());
    }

    private int reads() {
        return fullReads.get() + tailReads.get();
    }

    @Test
    void answersAnUndefinedPipelineAsEmpty() {
        assertThat(catalog.current(PIPELINE)).isEmpty();
        assertThat(catalog.current(null)).isEmpty();
    }

    @Test
    void readsNothingWhileTheKeptVersionIsTrusted() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));

        PipelineCatalog.CurrentVersion first = catalog.current(PIPELINE).orElseThrow();
        for (int i = 0; i < 100; i++) {
            elapse(FETCH_DELAY.dividedBy(200));
            assertThat(catalog.current(PIPELINE).orElseThrow()).isSameAs(first);
        }

        assertThat(first.version()).isEqualTo(1);
        assertThat(fullReads).hasValue(1);
        assertThat(tailReads).as("nothing read within one fetch delay of the fold").hasValue(0);
    }

    @Test
    void checksTheStreamOnceAFetchDelayHasPassed() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        PipelineCatalog.CurrentVersion first = catalog.current(PIPELINE).orElseThrow();

        elapse(FETCH_DELAY);
        PipelineCatalog.CurrentVersion checked = catalog.current(PIPELINE).orElseThrow();
        PipelineCatalog.CurrentVersion trustedAgain = catalog.current(PIPELINE).orElseThrow();

        assertThat(checked).isSameAs(first);
        assertThat(trustedAgain).isSameAs(first);
        assertThat(fullReads).as("the unchanged stream is not folded again").hasValue(1);
        assertThat(tailReads).hasValue(1);
    }

    @Test
    void answersARedefinitionThroughThisServiceAtOnce() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        assertThat(catalog.current(PIPELINE).orElseThrow().definition().hasStage("call")).isTrue();

        redefineWithoutCall();
        catalog.changed(PIPELINE);
        PipelineCatalog.CurrentVersion current = catalog.current(PIPELINE).orElseThrow();

        assertThat(current.version()).isEqualTo(2);
        assertThat(current.definition().hasStage("call")).isFalse();
        assertThat(current.definition().hasStage("profiling")).isTrue();
        assertThat(catalog.current(PIPELINE).orElseThrow()).isSameAs(current);
        assertThat(fullReads).hasValue(2);
    }

    @Test
    void answersARedefinitionThroughAnotherInstanceWithinOneFetchDelay() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        catalog.current(PIPELINE);

        redefineWithoutCall();
        elapse(FETCH_DELAY.minusNanos(1));
        PipelineCatalog.CurrentVersion beforeTheDelay = catalog.current(PIPELINE).orElseThrow();
        elapse(Duration.ofNanos(1));
        PipelineCatalog.CurrentVersion afterTheDelay = catalog.current(PIPELINE).orElseThrow();

        assertThat(beforeTheDelay.version()).as("not yet read: this service wrote nothing").isEqualTo(1);
        assertThat(afterTheDelay.version()).isEqualTo(2);
        assertThat(afterTheDelay.definition().hasStage("call")).isFalse();
    }

    @Test
    void readsTheStoreOnceInAUnitOfWorkAndItsNestedOnes() {
        EventStorePipelineCatalog untrusting = new EventStorePipelineCatalog(store, Duration.ZERO, nanoTime::get);
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        untrusting.current(PIPELINE);
        int readsBefore = reads();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            untrusting.current(PIPELINE);
            UnitOfWork<?> deal = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("deal"));
            untrusting.current(PIPELINE);
            deal.commit();
            untrusting.current(PIPELINE);
        } finally {
            batch.commit();
        }

        assertThat(reads() - readsBefore).isEqualTo(1);
        untrusting.current(PIPELINE);
        assertThat(reads() - readsBefore).isEqualTo(2);
    }

    @Test
    void keepsAFoldReadInAUnitOfWorkOnlyOnceItCommits() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));

        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("rolled back"));
        assertThatThrownBy(() -> failing.execute(() -> {
            catalog.current(PIPELINE);
            throw new IllegalStateException("the command failed");
        })).hasMessage("the command failed");
        assertThat(fullReads).hasValue(1);
        catalog.current(PIPELINE);
        assertThat(fullReads).as("the rolled-back fold was not kept").hasValue(2);

        catalog.changed(PIPELINE);
        elapse(Duration.ofMillis(1));
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("committed"))
                .execute(() -> catalog.current(PIPELINE));
        catalog.current(PIPELINE);
        assertThat(fullReads.get() + tailReads.get()).as("the committed read is kept").isEqualTo(3);
    }

    @Test
    void keepsAConfirmationThatNothingWasAppendedEvenFromAUnitOfWorkThatRollsBack() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        catalog.current(PIPELINE);
        elapse(FETCH_DELAY);

        UnitOfWork<?> dryRun = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("dry run"));
        catalog.current(PIPELINE);
        dryRun.rollback();
        catalog.current(PIPELINE);

        assertThat(fullReads).hasValue(1);
        assertThat(tailReads).as("the dry run's check of the stream is kept").hasValue(1);
    }

    @Test
    void doesNotTrustAFoldWhoseReadBeganBeforeARedefinitionCommitted() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        catalog.current(PIPELINE);
        elapse(Duration.ofMillis(1));
        catalog.changed(PIPELINE);
        elapse(Duration.ofMillis(1));

        UnitOfWork<?> slowCommand = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("slow"));
        assertThat(catalog.current(PIPELINE).orElseThrow().version()).isEqualTo(1);
        elapse(Duration.ofMillis(1));
        redefineWithoutCall();
        catalog.changed(PIPELINE);
        elapse(Duration.ofMillis(1));
        slowCommand.commit();

        assertThat(catalog.current(PIPELINE).orElseThrow().version())
                .as("the slow command's read of version 1 does not hide the redefinition").isEqualTo(2);
    }

    @Test
    void doesNotTrustAFoldBegunBeforeARedefinitionCommittedWhenNothingWasKeptYet() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));

        UnitOfWork<?> firstCommand = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        assertThat(catalog.current(PIPELINE).orElseThrow().version()).isEqualTo(1);
        elapse(Duration.ofMillis(1));
        redefineWithoutCall();
        catalog.changed(PIPELINE);
        elapse(Duration.ofMillis(1));
        firstCommand.commit();

        assertThat(catalog.current(PIPELINE).orElseThrow().version())
                .as("the first command's read of version 1, kept on its commit, does not hide the redefinition")
                .isEqualTo(2);
    }
}
