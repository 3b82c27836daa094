package io.pipelens.query.support;

import io.pipelens.query.processing.DocumentBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs event handlers the way Axon's streaming processors do, without a processor: a batch is one
 * {@link BatchingUnitOfWork} that invokes the handler once per message and commits at the end; a single event is one
 * {@link DefaultUnitOfWork}. After each message a projection handled, its batched read models write if that was the
 * last one, as the handler interceptor of every Pipelens processor has them do ({@code ProcessingConfiguration}).
 * Handler failures are rethrown instead of being left in the unit of work's result.
 */
public final class EventProcessing {

    private EventProcessing() {
    }

    /** Something that handles the unit of work's current message. */
    @FunctionalInterface
    public interface Handler {

        void handle(EventMessage<?> message, UnitOfWork<?> unitOfWork) throws Exception;
    }

    /** Delivers the messages the projection handles as one batch, as a streaming processor does. */
    public static void inOneBatch(Object projection, List<? extends EventMessage<?>> messages) {
        inOneBatch(projection, messages, Map.of());
    }

    /**
     * As {@link #inOneBatch(Object, List)}, with {@code resources} in the unit of work, as a tracking processor puts
     * the batch's segment there.
     */
    public static void inOneBatch(Object projection, List<? extends EventMessage<?>> messages,
                                  Map<String, ?> resources) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> handled = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            if (adapter.canHandle(message)) {
                handled.add(message);
            }
        }
        inOneBatch(handled, resources, (message, unitOfWork) -> {
            adapter.handle(message);
            DocumentBatch.flushAllIfLast(unitOfWork);
        });
    }

    /** Delivers each message the projection handles in a unit of work of its own. */
    public static void oneByOne(Object projection, List<? extends EventMessage<?>> messages) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> message : messages) {
            if (adapter.canHandle(message)) {
                inOwnUnitOfWork(message, (m, unitOfWork) -> {
                    adapter.handle(m);
                    DocumentBatch.flushAllIfLast(unitOfWork);
                });
            }
        }
    }

    /** Calls the projection's {@code @ResetHandler}s, as a processor does before a replay. */
    public static void reset(Object projection) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
    }

    public static void inOneBatch(List<? extends EventMessage<?>> messages, Handler handler) {
        inOneBatch(messages, Map.of(), handler);
    }

    /** As {@link #inOneBatch(List, Handler)}, with {@code resources} in the unit of work. */
    public static void inOneBatch(List<? extends EventMessage<?>> messages, Map<String, ?> resources,
                                  Handler handler) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(messages));
        unitOfWork.resources().putAll(resources);
        rethrow(unitOfWork.executeWithResult(() -> {
            handler.handle(unitOfWork.getMessage(), unitOfWork);
            return null;
        }));
    }

    public static void inOwnUnitOfWork(EventMessage<?> message, Handler handler) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
        rethrow(unitOfWork.executeWithResult(() -> {
            handler.handle(unitOfWork.getMessage(), unitOfWork);
            return null;
        }));
    }

    private static void rethrow(ResultMessage<?> result) {
        if (!result.isExceptional()) {
            return;
        }
        Throwable failure = result.exceptionResult();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
