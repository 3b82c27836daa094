package io.pipelens.command.pipeline;

import static io.pipelens.command.pipeline.PipelineEvents.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalog keeps a pipeline's folded version, and never answers it once the stream has moved on. */
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
    private final EventStorePipelineCatalog catalog = new EventStorePipelineCatalog(store);
    private long sequence;

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void append(Object event) {
        store.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), sequence++, event));
    }

    @Test
    void answersAnUndefinedPipelineAsEmpty() {
        assertThat(catalog.current(PIPELINE)).isEmpty();
        assertThat(catalog.current(null)).isEmpty();
    }

    @Test
    void foldsThePipelineOnceWhileNothingIsAppended() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));

        PipelineCatalog.CurrentVersion first = catalog.current(PIPELINE).orElseThrow();
        PipelineCatalog.CurrentVersion second = catalog.current(PIPELINE).orElseThrow();
        PipelineCatalog.CurrentVersion third = catalog.current(PIPELINE).orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(fullReads).hasValue(1);
        assertThat(tailReads).as("every later question checks that nothing was appended").hasValue(2);
    }

    @Test
    void readsTheStoreOnceInAUnitOfWorkAndItsNestedOnes() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        catalog.current(PIPELINE);
        int tailReadsBefore = tailReads.get();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            catalog.current(PIPELINE);
            UnitOfWork<?> deal = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("deal"));
            catalog.current(PIPELINE);
            deal.commit();
            catalog.current(PIPELINE);
        } finally {
            batch.commit();
        }

        assertThat(tailReads.get() - tailReadsBefore).isEqualTo(1);
        catalog.current(PIPELINE);
        assertThat(tailReads.get() - tailReadsBefore).isEqualTo(2);
    }

    @Test
    void neverAnswersAStageThatARedefinitionRemoved() {
        append(PipelineEvents.defined(Stages.ACTIVITY_BASED, AT));
        assertThat(catalog.current(PIPELINE).orElseThrow().definition().hasStage("call")).isTrue();

        append(PipelineEvents.redefined(2, Stages.GOAL_BASED, List.of(StageMapping.to("contact", "contact"),
                StageMapping.absorbed("call"), StageMapping.to("qualification", "qualification"),
                StageMapping.to("proposal", "terms"), StageMapping.to("signing", "signing")), AT.plusSeconds(60)));
        PipelineCatalog.CurrentVersion current = catalog.current(PIPELINE).orElseThrow();

        assertThat(current.version()).isEqualTo(2);
        assertThat(current.definition().hasStage("call")).isFalse();
        assertThat(current.definition().hasStage("profiling")).isTrue();
        assertThat(catalog.current(PIPELINE).orElseThrow()).isSameAs(current);
        assertThat(fullReads).hasValue(2);
    }
}
