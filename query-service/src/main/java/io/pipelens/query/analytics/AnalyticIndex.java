package io.pipelens.query.analytics;

import io.pipelens.query.deal.DealJourney;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory analytic index of one pipeline under one of its versions: one compact {@link VersionedJourney} per
 * deal, kept current deal by deal, answering every metric of DESIGN §7 in one pass over its deals.
 *
 * <p><b>Updates.</b> {@link #upsert(DealJourney)} replaces the deal's facts with those derived from its whole journey.
 * A journey whose {@code lastSequence} is not above the one held for the deal is ignored, so applying journeys twice
 * or out of order (an initial scan overlapping a change feed, at-least-once delivery) always ends with the newest:
 * updates are idempotent and monotone.
 *
 * <p><b>Threads.</b> Any number of readers run concurrently with one writer, without locks on the read path:
 * <ul>
 *   <li>deals live in slots of an array; each slot holds an immutable {@code VersionedJourney} (final fields, so a
 *       reader that sees the reference sees the whole object), and an update replaces the slot's reference:
 *       copy-on-write per deal;</li>
 *   <li>after every change the writer publishes the slot array (with the array of the slots' last event times), the
 *       number of slots in use, the size and the {@link #generation()} together as one immutable object in one
 *       volatile field; a reader starts by reading that field, which makes every change published before it
 *       visible;</li>
 *   <li>growing the array copies it and publishes the new array the same way, so a reader keeps iterating the array
 *       it started with.</li>
 * </ul>
 * A query therefore sees each deal either before or after an update, never half-updated; a query running while a
 * batch is applied may see some deals of the batch updated and others not. Writers are serialized by the monitor of
 * the index, so calling the writing methods from several threads is safe, only not concurrent.
 */
public final class AnalyticIndex {

    private static final int INITIAL_SLOTS = 1024;

    private final String pipelineId;
    private final AnalyticVersion version;
    private final Interner interner = new Interner();
    private final ConcurrentHashMap<String, VersionedJourney> byId = new ConcurrentHashMap<>();
    private volatile Published published = Published.empty(0);

    public AnalyticIndex(String pipelineId, AnalyticVersion version) {
        this.pipelineId = Objects.requireNonNull(pipelineId, "pipelineId");
        this.version = Objects.requireNonNull(version, "version");
    }

    public String pipelineId() {
        return pipelineId;
    }

    public AnalyticVersion version() {
        return version;
    }

    /** Deals of the pipeline, those in no stage of the version (every visit absorbed) included. */
    public int size() {
        return published.size();
    }

    /** Grows with every change; equal generations mean equal contents, so answers may be cached by it. */
    public long generation() {
        return published.generation();
    }

    /**
     * Puts the deal's current journey in the index, replacing what it held for the deal, unless the index already
     * holds the deal at the same or a later sequence number.
     *
     * A deal that has visited absorbed stages only is held too, in no stage (DESIGN §10.1).
     *
     * @throws IllegalArgumentException when the journey belongs to another pipeline
     */
    public synchronized void upsert(DealJourney journey) {
        if (!pipelineId.equals(journey.pipelineId())) {
            throw new IllegalArgumentException("deal " + journey.id() + " belongs to pipeline '"
                    + journey.pipelineId() + "', not '" + pipelineId + "'");
        }
        Published current = published;
        VersionedJourney before = byId.get(journey.id());
        if (before != null && journey.lastSequence() <= before.sequence()) {
            return;
        }
        int slot = before == null ? current.used() : before.slot();
        VersionedJourney deal = VersionedJourney.build(journey, version, interner, slot);
        VersionedJourney[] array = current.slots();
        long[] lastEvents = current.lastEvents();
        if (slot == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
            lastEvents = Arrays.copyOf(lastEvents, array.length);
        }
        long lastEvent = deal.lastEventAt();
        array[slot] = deal;
        lastEvents[slot] = lastEvent;
        byId.put(journey.id(), deal);
        published = new Published(array, lastEvents, Math.max(current.used(), slot + 1),
                current.size() + (before == null ? 1 : 0), current.generation() + 1,
                Math.max(current.lastEventAt(), lastEvent));
    }

    public synchronized void upsertAll(Iterable<DealJourney> journeys) {
        for (DealJourney journey : journeys) {
            upsert(journey);
        }
    }

    /** Empties the index, as a replay from the first event needs. */
    public synchronized void clear() {
        byId.clear();
        interner.clear();
        published = Published.empty(published.generation() + 1);
    }

    /** The deal's facts under the version, or null when the index does not hold it. */
    public VersionedJourney deal(String dealId) {
        return byId.get(dealId);
    }

    /** A view of the deals, as published when an iteration starts. */
    public Iterable<VersionedJourney> deals() {
        return () -> {
            Published current = published;
            return new SlotIterator(current.slots(), current.used());
        };
    }

    /**
     * The deals as they stood at {@code asOf}, from their events up to then alone ({@link VersionedJourney#asOf}):
     * those opened later are left out, and a deal with no event after {@code asOf} is given as held, unchanged.
     */
    public Iterable<VersionedJourney> dealsAsOf(Instant asOf) {
        return VersionedJourney.asOf(deals(), asOf.toEpochMilli());
    }

    /**
     * The last event of any kind (attribute changes included) at or before {@code asOf} of the deals the index holds,
     * or null when none has one. Constant time when {@code asOf} is at or after every deal's last event, as it is for
     * "now"; otherwise one pass over the deals' last event times, which looks into only the deals with an event after
     * {@code asOf} (DESIGN §10.1).
     */
    public Instant lastEventAt(Instant asOf) {
        Published current = published;
        long at = asOf.toEpochMilli();
        long last = current.lastEventAt();
        if (last > at) {
            last = VersionedJourney.OPEN;
            long[] lastEvents = current.lastEvents();
            VersionedJourney[] slots = current.slots();
            for (int i = 0; i < current.used(); i++) {
                if (lastEvents[i] <= at) {
                    last = Math.max(last, lastEvents[i]);
                } else if (slots[i] != null) {
                    last = Math.max(last, slots[i].lastEventAtOrBefore(at));
                }
            }
        }
        return last == VersionedJourney.OPEN ? null : Instant.ofEpochMilli(last);
    }

    /**
     * What readers see, replaced as a whole after every change. The slot array may be shared with later states (slots
     * are replaced in place, copy-on-write per deal); {@code used} bounds the slots a reader may look at.
     * {@code lastEvents} holds each slot's deal's last event time ({@link VersionedJourney#OPEN} for an empty slot) in
     * one flat array, so finding the last event before a time reads the deals themselves only where it must;
     * {@code lastEventAt} is the latest of them.
     */
    private record Published(VersionedJourney[] slots, long[] lastEvents, int used, int size, long generation,
                             long lastEventAt) {

        static Published empty(long generation) {
            return new Published(new VersionedJourney[INITIAL_SLOTS], new long[INITIAL_SLOTS], 0, 0, generation,
                    VersionedJourney.OPEN);
        }
    }

    /** Iterates the non-empty slots of one array up to an end fixed when it was created. */
    private static final class SlotIterator extends SkippingIterator {

        private final VersionedJourney[] array;
        private final int end;
        private int next;

        SlotIterator(VersionedJourney[] array, int end) {
            this.array = array;
            this.end = end;
        }

        @Override
        boolean more() {
            return next < end;
        }

        @Override
        VersionedJourney take() {
            return array[next++];
        }
    }
}
