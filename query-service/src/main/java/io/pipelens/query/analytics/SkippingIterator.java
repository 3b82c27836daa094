package io.pipelens.query.analytics;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Iterates the deals a source gives, leaving out the nulls it gives for empty slots or deals not there yet. */
abstract class SkippingIterator implements Iterator<VersionedJourney> {

    private VersionedJourney pending;

    /** True while the source has more to give. */
    abstract boolean more();

    /** The source's next deal, or null for one to leave out. */
    abstract VersionedJourney take();

    @Override
    public final boolean hasNext() {
        while (pending == null && more()) {
            pending = take();
        }
        return pending != null;
    }

    @Override
    public final VersionedJourney next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        VersionedJourney deal = pending;
        pending = null;
        return deal;
    }
}
