package io.pipelens.query.analytics;

import java.util.function.Consumer;

/**
 * A population and a slice, compiled once per query and tested per deal. Public so that reports outside this package
 * (the data-quality report) select deals exactly as the metrics do.
 */
public final class Selection {

    private final Population.Test population;
    private final Slice slice;

    private Selection(Population population, Slice slice) {
        this.population = (population == null ? Population.ALL : population).compile();
        this.slice = slice == null ? Slice.ALL : slice;
    }

    /** Calls {@code action} for every deal of {@code deals} that the population and slice select. */
    public static int forEach(Iterable<VersionedJourney> deals, Population population, Slice slice,
                       Consumer<VersionedJourney> action) {
        Selection selection = new Selection(population, slice);
        int selected = 0;
        for (VersionedJourney deal : deals) {
            if (deal != null && selection.population.includes(deal) && selection.slice.includes(deal)) {
                action.accept(deal);
                selected++;
            }
        }
        return selected;
    }
}
