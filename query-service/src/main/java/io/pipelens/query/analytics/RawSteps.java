package io.pipelens.query.analytics;

import io.pipelens.query.deal.Visit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The stage keys of a deal's recorded visits, in order and before any version maps them: what stage discovery (DESIGN
 * §9.3) orders. When the recorded visits are the path's visits one for one (none merged), visit i began when the
 * path's visit i did and no time is kept, so deals with the same keys share one instance ({@link Interner}); otherwise
 * each visit's entry time is kept beside its key.
 */
final class RawSteps {

    private final String[] keys;
    /** Each visit's entry time (epoch ms), or null when visit i began when the path's visit i did. */
    private final long[] enteredAt;

    private RawSteps(String[] keys, long[] enteredAt) {
        this.keys = keys;
        this.enteredAt = enteredAt;
    }

    /**
     * @param onPath true when the path has one visit per recorded visit, in the same order
     * @param interner shares the instance among deals with the same keys, or null not to share
     */
    static RawSteps of(List<Visit> visits, boolean onPath, Interner interner) {
        String[] keys = new String[visits.size()];
        long[] entered = onPath ? null : new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Visit visit = visits.get(i);
            keys[i] = interner == null ? visit.stage() : interner.intern(visit.stage());
            if (entered != null) {
                entered[i] = visit.enteredAt().toEpochMilli();
            }
        }
        RawSteps steps = new RawSteps(keys, entered);
        return onPath && interner != null ? interner.intern(steps) : steps;
    }

    /** The keys, unmodifiable. */
    List<String> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** The latest entry time of the steps, or {@code none} when there is none. */
    long latestEntry(long none) {
        long latest = none;
        if (enteredAt != null) {
            for (long entered : enteredAt) {
                latest = Math.max(latest, entered);
            }
        }
        return latest;
    }

    /**
     * True when every visit began at or before {@code at}, given that every visit of the path did: without times
     * kept, the visits are the path's, so this reads no array.
     */
    boolean allUpTo(long at) {
        if (enteredAt != null) {
            for (long entered : enteredAt) {
                if (entered > at) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The visits begun at or before {@code at}, each with its entry time. */
    RawSteps upTo(VersionedJourney deal, long at) {
        String[] kept = new String[keys.length];
        long[] times = new long[keys.length];
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            long entered = enteredAt(deal, i);
            if (entered <= at) {
                kept[count] = keys[i];
                times[count++] = entered;
            }
        }
        return new RawSteps(Arrays.copyOf(kept, count), Arrays.copyOf(times, count));
    }

    private long enteredAt(VersionedJourney deal, int i) {
        return enteredAt == null ? deal.enteredAt(i) : enteredAt[i];
    }

    /** Equal when the keys are and no entry time is kept, as only such instances are shared. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RawSteps steps && enteredAt == null && steps.enteredAt == null
                && Arrays.equals(keys, steps.keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }
}
