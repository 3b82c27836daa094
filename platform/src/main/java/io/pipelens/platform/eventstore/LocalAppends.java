package io.pipelens.platform.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the event stores of one process that one of them committed events. When both services run in one process,
 * the command service's store commits and the query service's store, a separate instance over the same tables, would
 * otherwise learn of it only at its next poll ({@code pipelens.event-store.fetch-delay}): with this signal it reads
 * at once, so it can poll rarely and an idle process does almost nothing. A service alone in its process has none.
 */
public final class LocalAppends {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Called after every commit of any store of the process; a listener must return quickly. */
    void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    /** A store of the process committed events. */
    void committed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
