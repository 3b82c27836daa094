package io.pipelens.command;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * How a command that loses an optimistic-concurrency race is retried: on the fresh state, a few times, then given up
 * as a conflict. In one process Axon's per-aggregate lock keeps commands on one aggregate apart; the race happens
 * between command-service instances, where the event store's unique (aggregate, sequence) index refuses the second
 * append: as a {@link ConcurrencyException}, or as an {@link AggregateStreamCreationException} when both created the
 * aggregate. Any other exception is not a lost race and passes through at once.
 */
public final class ConcurrencyRetry {

    public static final int ATTEMPTS = 3;

    private ConcurrencyRetry() {
    }

    /**
     * @param attempt sends the command once
     * @param raceLost told of every lost race, the last included
     * @param givenUp the answer after {@value #ATTEMPTS} lost races in a row, given their number
     */
    public static <T> T run(Supplier<T> attempt, Consumer<RuntimeException> raceLost, IntFunction<T> givenUp) {
        for (int lost = 0; lost < ATTEMPTS; ) {
            try {
                return attempt.get();
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                lost++;
                raceLost.accept(e);
            }
        }
        return givenUp.apply(ATTEMPTS);
    }
}
