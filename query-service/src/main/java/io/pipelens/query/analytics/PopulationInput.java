package io.pipelens.query.analytics;

import io.pipelens.kernel.ViolationException;
import java.time.Instant;

/** The population argument; its period is checked when it becomes a {@link Population}. */
public record PopulationInput(Population.Basis basis, Instant from, Instant to) {

    /** @throws ViolationException naming {@code population} when the period is not a valid one */
    public Population toPopulation() {
        try {
            return new Population(basis == null ? Population.Basis.ALL : basis, from, to);
        } catch (IllegalArgumentException e) {
            throw new ViolationException("population", e.getMessage());
        }
    }
}
