package io.pipelens.query.analytics;

import io.pipelens.query.deal.AttributesAt;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealStatusView;
import io.pipelens.query.deal.Visit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One deal's journey under one pipeline version, in a compact immutable form: the path of visits in one long array,
 * plus the few facts the metrics need. Every metric reads deals in this form only, so it is also the unit the
 * {@link AnalyticIndex} stores.
 *
 * <p>Layout of the path array: each entry time (epoch ms) carries the stage position in its low six bits. When every
 * visit ends exactly as the next begins (the deal was never closed and reopened) the array holds the n entries and
 * then the last exit ({@link #OPEN} while open): n + 1 longs. Otherwise it holds (entry, exit) pairs: 2n longs. Beside
 * it, the indexes of the visits begun by a reopening at the millisecond of the closing (usually none), which no
 * time tells from a move.
 *
 * <p>The path is built from the recorded visits (DESIGN §6, §7):
 * <ol>
 *   <li>each recorded stage key is resolved by {@link AnalyticVersion#positionOf(String)};</li>
 *   <li>an absorbed visit takes the stage of the nearest earlier non-absorbed visit of the deal's history (across
 *       reopenings); when there is none (the deal started there), the stage of the nearest later one;</li>
 *   <li>consecutive visits of the same stage merge when they touch: the earlier one is closed and ends exactly when
 *       the later one begins, by a move. A close always ends a visit: a visit begun by a reopening never merges
 *       with the one before it, even at the same millisecond as the closing;</li>
 *   <li>visits stay in recorded (event) order; equal timestamps never reorder them, and a visit may last 0 ms.</li>
 * </ol>
 * A deal all of whose visits are absorbed is open (or closed) in no stage (DESIGN §10.1): it has no path visits, so it
 * counts in no stage's figures, but it is a deal of the pipeline for every population count. It keeps its recorded
 * visits' times beside the path all the same, so that its closings, reopenings and transitions read as any deal's.
 *
 * <p>{@link #asOf(long)} gives the deal as it stood at an earlier instant, from the events up to then alone (DESIGN
 * §10.1): the path cut there, the closings and attribute values of then, and no path visit at all before its first
 * non-absorbed visit began. For that it keeps that time, and the attribute values in force before each attribute change
 * (none for a deal whose attributes never changed).
 */
public final class VersionedJourney {

    /** Stands for "no time": the exit of an open visit, the closing of an open deal. */
    public static final long OPEN = Long.MIN_VALUE;

    /** Stands for "never": when a deal that has visited absorbed stages only is in a stage. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_VISITS = new int[0];
    private static final AttributeValues[] NO_VALUES = new AttributeValues[0];
    private static final int NOT_CLOSED = -1;
    private static final int LAST_CLOSING = 0;
    private static final int POSITION_BITS = 6;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    private static final long MAX_MILLIS = 1L << (63 - POSITION_BITS);

    private final String dealId;
    private final Outcome outcome;
    private final String owner;
    private final String source;
    private final String segment;
    private final String currency;
    private final double amount;
    private final long openedAt;
    private final long closedAt;
    private final long[] path;
    private final boolean contiguous;
    private final long visited;
    private final byte highest;
    private final int slot;
    private final long sequence;
    private final long[] otherTransitions;
    private final long[] attributeChanges;
    private final int[] touchingReopenings;
    private final int[] reopenedAfterWin;
    private final long pathFrom;
    private final boolean stageless;
    private final AttributeValues[] valuesBeforeChange;
    private final long[] recordedExits;
    private final AttributeTimeline timeline;
    private final RawSteps rawSteps;
    private final long unchangedFrom;

    private VersionedJourney(String dealId, Outcome outcome, AttributeValues values, long openedAt, long closedAt,
                             long[] path, boolean contiguous, int slot, long sequence, long[] otherTransitions,
                             long[] attributeChanges, int[] touchingReopenings, int[] reopenedAfterWin, long pathFrom,
                             boolean stageless, AttributeValues[] valuesBeforeChange, long[] recordedExits,
                             AttributeTimeline timeline, RawSteps rawSteps) {
        this.dealId = dealId;
        this.outcome = outcome;
        this.owner = values.owner();
        this.source = values.source();
        this.segment = values.segment();
        this.currency = values.currency();
        this.amount = values.amount();
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.path = path;
        this.contiguous = contiguous;
        this.slot = slot;
        this.sequence = sequence;
        this.otherTransitions = otherTransitions;
        this.attributeChanges = attributeChanges;
        this.touchingReopenings = touchingReopenings;
        this.reopenedAfterWin = reopenedAfterWin;
        this.pathFrom = pathFrom;
        this.stageless = stageless;
        this.valuesBeforeChange = valuesBeforeChange;
        this.recordedExits = recordedExits;
        this.timeline = timeline;
        this.rawSteps = rawSteps;
        this.unchangedFrom = latestTime();
        long mask = 0;
        int top = 0;
        for (int i = 0; i < visitCount(); i++) {
            int stage = stageAt(i);
            mask |= 1L << stage;
            top = Math.max(top, stage);
        }
        this.visited = mask;
        this.highest = (byte) top;
    }

    /** The deal's path under {@code version}: none (a deal in no stage) when every visit it made is absorbed. */
    public static VersionedJourney of(DealJourney journey, AnalyticVersion version) {
        return build(journey, version, null, -1);
    }

    static VersionedJourney build(DealJourney journey, AnalyticVersion version, Interner interner, int slot) {
        List<Visit> raw = journey.visits();
        int count = raw.size();
        int[] positions = new int[count];
        int firstMapped = -1;
        for (int i = 0; i < count; i++) {
            positions[i] = version.positionOf(raw.get(i).stage());
            if (firstMapped < 0 && positions[i] != AnalyticVersion.ABSORBED) {
                firstMapped = i;
            }
        }
        // with no stage to take their time, the visits keep only their times, under position 0 (absorbed)
        int previous = firstMapped < 0 ? AnalyticVersion.ABSORBED : positions[firstMapped];
        for (int i = 0; i < count; i++) {
            if (positions[i] == AnalyticVersion.ABSORBED) {
                positions[i] = previous;
            } else {
                previous = positions[i];
            }
        }

        byte[] stages = new byte[count];
        long[] times = new long[2 * count];
        int size = 0;
        int[] touchingReopenings = NO_VISITS;
        int[] reopenedAfterWin = NO_VISITS;
        int[] pathVisitOf = new int[count];
        for (int i = 0; i < count; i++) {
            Visit visit = raw.get(i);
            if (visit.beganWithReopening() && i > 0 && raw.get(i - 1).closedAs() == DealStatusView.WON) {
                // a reopening always begins a visit of its own: it is the one added below, at index size
                reopenedAfterWin = Arrays.copyOf(reopenedAfterWin, reopenedAfterWin.length + 1);
                reopenedAfterWin[reopenedAfterWin.length - 1] = size;
            }
            long entered = visit.enteredAt().toEpochMilli();
            long exited = visit.exitedAt() == null ? OPEN : visit.exitedAt().toEpochMilli();
            boolean touching = size > 0 && times[2 * size - 1] == entered;
            if (touching && stages[size - 1] == positions[i] && !visit.beganWithReopening()) {
                times[2 * size - 1] = exited;
            } else {
                if (touching && visit.beganWithReopening()) {
                    touchingReopenings = Arrays.copyOf(touchingReopenings, touchingReopenings.length + 1);
                    touchingReopenings[touchingReopenings.length - 1] = size;
                }
                stages[size] = (byte) positions[i];
                times[2 * size] = entered;
                times[2 * size + 1] = exited;
                size++;
            }
            pathVisitOf[i] = size - 1;
        }
        long[] others = transitionsNotOnPath(raw, times, size);
        boolean contiguous = true;
        for (int i = 1; i < size; i++) {
            contiguous &= times[2 * i - 1] == times[2 * i];
        }
        long[] path = new long[contiguous ? size + 1 : 2 * size];
        for (int i = 0; i < size; i++) {
            long entered = pack(times[2 * i], stages[i]);
            if (contiguous) {
                path[i] = entered;
            } else {
                path[2 * i] = entered;
                path[2 * i + 1] = times[2 * i + 1];
            }
        }
        if (contiguous) {
            path[size] = times[2 * size - 1];
        }

        long[] attributeChanges = attributeChanges(journey, times, size, others);
        return new VersionedJourney(journey.id(), outcome(journey), AttributeValues.of(journey.attributes(), interner),
                journey.openedAt().toEpochMilli(), journey.closedAt() == null ? OPEN
                        : journey.closedAt().toEpochMilli(), path, contiguous, slot, journey.lastSequence(), others,
                attributeChanges, touchingReopenings, reopenedAfterWin,
                firstMapped < 0 ? NEVER : raw.get(firstMapped).enteredAt().toEpochMilli(), firstMapped < 0,
                valuesBeforeChange(journey.attributeHistory(), attributeChanges.length, interner),
                RecordedExits.of(journey, version, positions, pathVisitOf), AttributeTimeline.of(journey, interner),
                RawSteps.of(raw, size == count, interner));
    }

    /**
     * The values in force before each of the {@code changes} attribute changes, from the journey's history (entry 0
     * the opening's, entry i + 1 set by change i). A history shorter than the changes (kept only since a release
     * after the earlier changes) stands for the latest changes; the earlier ones read its first entry. Without a
     * history, none: the current values stand for every time.
     */
    private static AttributeValues[] valuesBeforeChange(List<AttributesAt> history, int changes, Interner interner) {
        if (history == null || changes == 0) {
            return NO_VALUES;
        }
        AttributeValues[] values = new AttributeValues[changes];
        int offset = Math.max(0, changes - (history.size() - 1));
        for (int i = 0; i < changes; i++) {
            values[i] = AttributeValues.of(history.get(Math.min(Math.max(0, i - offset), history.size() - 1))
                    .attributes(), interner);
        }
        return values;
    }

    /**
     * The deal as it stood at {@code at} (inclusive), from its events up to then alone, as a journey folded from
     * those events alone would give it (DESIGN §10.1): visits begun later are gone, a visit going on then is open, the
     * deal is open unless closed then, transitions and attribute changes after it are gone and the attribute values
     * are those of then. Itself when nothing happened to the deal after {@code at}; null when it did not exist yet. A
     * deal that by then had visited absorbed stages only is in no stage then: it has no path visits.
     */
    public VersionedJourney asOf(long at) {
        if (at >= unchangedFrom) {
            // "now" and any time after the deal's last change: the common case, answered without a look
            return this;
        }
        if (openedAt > at) {
            return null;
        }
        int count = 0;
        while (count < recordedCount() && enteredAt(count) <= at) {
            count++;
        }
        long lastExit = exitedAt(count - 1);
        if (lastExit != OPEN && lastExit > at) {
            lastExit = OPEN;
        }
        int changes = countUpTo(attributeChanges, at);
        if (count == recordedCount() && lastExit == exitedAt(count - 1) && changes == attributeChanges.length
                && countUpTo(otherTransitions, at) == otherTransitions.length
                && recordedExitsUpTo(at).length == recordedExits.length && rawSteps.allUpTo(at)) {
            return this;
        }
        boolean touching = true;
        for (int i = 1; i < count; i++) {
            touching &= exitedAt(i - 1) == enteredAt(i);
        }
        long[] cut = new long[touching ? count + 1 : 2 * count];
        for (int i = 0; i < count; i++) {
            long entry = path[contiguous ? i : 2 * i];
            if (touching) {
                cut[i] = entry;
            } else {
                cut[2 * i] = entry;
                cut[2 * i + 1] = i == count - 1 ? lastExit : exitedAt(i);
            }
        }
        if (touching) {
            cut[count] = lastExit;
        }
        AttributeValues values = changes < valuesBeforeChange.length ? valuesBeforeChange[changes]
                : new AttributeValues(owner, source, segment, currency, amount);
        return new VersionedJourney(dealId, outcomeAt(at), values, openedAt, closingAt(at), cut, touching, slot,
                sequence, upTo(otherTransitions, at), Arrays.copyOf(attributeChanges, changes),
                below(touchingReopenings, count), below(reopenedAfterWin, count), pathFrom, pathFrom > at,
                Arrays.copyOf(valuesBeforeChange, Math.min(changes, valuesBeforeChange.length)),
                recordedExitsUpTo(at), timeline, rawSteps.upTo(this, at));
    }

    /**
     * The earliest instant from which {@link #asOf(long)} gives the deal itself, unchanged: the latest of its opening,
     * its visits' entries, its last visit's exit, its recorded exits, its attribute changes, its other transitions and
     * its raw steps' entries.
     */
    public long unchangedFrom() {
        return unchangedFrom;
    }

    private long latestTime() {
        long latest = openedAt;
        int visits = recordedCount();
        for (int i = 0; i < visits; i++) {
            latest = Math.max(latest, enteredAt(i));
        }
        long lastExit = exitedAt(visits - 1);
        if (lastExit != OPEN) {
            latest = Math.max(latest, lastExit);
        }
        for (long exit : recordedExits) {
            long exited = exitedAt(RecordedExits.visit(exit));
            if (exited != OPEN) {
                latest = Math.max(latest, exited);
            }
        }
        for (long time : attributeChanges) {
            latest = Math.max(latest, time);
        }
        for (long time : otherTransitions) {
            latest = Math.max(latest, time);
        }
        return rawSteps.latestEntry(latest);
    }

    /** The recorded exits made at or before {@code at}: those of visits that ended by then. */
    private long[] recordedExitsUpTo(long at) {
        int kept = 0;
        while (kept < recordedExits.length && exitedAt(RecordedExits.visit(recordedExits[kept])) <= at) {
            kept++;
        }
        return kept == recordedExits.length ? recordedExits : Arrays.copyOf(recordedExits, kept);
    }

    /** Each deal of {@code deals} as it stood at {@code at} ({@link #asOf(long)}), leaving out those not there yet. */
    public static Iterable<VersionedJourney> asOf(Iterable<VersionedJourney> deals, long at) {
        return () -> new SkippingIterator() {
            private final Iterator<VersionedJourney> all = deals.iterator();

            @Override
            boolean more() {
                return all.hasNext();
            }

            @Override
            VersionedJourney take() {
                VersionedJourney deal = all.next();
                return deal == null ? null : deal.asOf(at);
            }
        };
    }

    private static int countUpTo(long[] times, long at) {
        int count = 0;
        for (long time : times) {
            if (time <= at) {
                count++;
            }
        }
        return count;
    }

    private static long[] upTo(long[] times, long at) {
        return countUpTo(times, at) == times.length ? times
                : Arrays.stream(times).filter(time -> time <= at).toArray();
    }

    private static int[] below(int[] visits, int count) {
        return Arrays.stream(visits).allMatch(visit -> visit < count) ? visits
                : Arrays.stream(visits).filter(visit -> visit < count).toArray();
    }

    /**
     * The times of the deal's attribute changes. A journey without the list (none made, or stored by an earlier
     * release) still gives its last event's time: when that is after every transition, it was an attribute change.
     */
    private static long[] attributeChanges(DealJourney journey, long[] pathTimes, int size, long[] others) {
        List<Instant> changes = journey.attributesChangedAt();
        if (changes != null) {
            long[] millis = new long[changes.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = changes.get(i).toEpochMilli();
            }
            return millis;
        }
        if (journey.lastTransitionAt() == null) {
            return NO_TIMES;
        }
        long last = journey.lastTransitionAt().toEpochMilli();
        return last > Math.max(latest(pathTimes, 2 * size), latest(others, others.length)) ? new long[] {last}
                : NO_TIMES;
    }

    private static long latest(long[] values, int size) {
        long latest = OPEN;
        for (int i = 0; i < size; i++) {
            latest = Math.max(latest, values[i]);
        }
        return latest;
    }

    /** An entry time with the stage position in its low six bits. */
    private static long pack(long millis, int position) {
        if (millis >= MAX_MILLIS || millis <= -MAX_MILLIS) {
            throw new IllegalArgumentException("time " + millis + " ms is out of range");
        }
        return millis << POSITION_BITS | position;
    }

    private static Outcome outcome(DealJourney journey) {
        return switch (journey.status()) {
            case OPEN -> Outcome.OPEN;
            case WON -> Outcome.WON;
            case LOST -> Outcome.LOST;
        };
    }

    /**
     * Recorded transition times that are no visit boundary of the path (moves into or out of absorbed stages, moves
     * between keys mapped to one stage). Usually none; kept so that "active in a period" sees every transition.
     */
    private static long[] transitionsNotOnPath(List<Visit> raw, long[] pathTimes, int size) {
        long[] others = null;
        int found = 0;
        for (Visit visit : raw) {
            for (Instant at : new Instant[] {visit.enteredAt(), visit.exitedAt()}) {
                if (at == null) {
                    continue;
                }
                long millis = at.toEpochMilli();
                if (contains(pathTimes, 2 * size, millis) || others != null && contains(others, found, millis)) {
                    continue;
                }
                if (others == null) {
                    others = new long[2];
                } else if (found == others.length) {
                    others = Arrays.copyOf(others, 2 * found);
                }
                others[found++] = millis;
            }
        }
        return others == null ? NO_TIMES : Arrays.copyOf(others, found);
    }

    private static boolean contains(long[] values, int size, long value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    public String dealId() {
        return dealId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String owner() {
        return owner;
    }

    public String source() {
        return source;
    }

    public String segment() {
        return segment;
    }

    public String currency() {
        return currency;
    }

    public boolean hasAmount() {
        return !Double.isNaN(amount);
    }

    /** The deal's amount, or NaN when it has none. */
    public double amount() {
        return amount;
    }

    /** Epoch milliseconds the deal was opened. */
    public long openedAt() {
        return openedAt;
    }

    /** Epoch milliseconds of the deal's (last) closing, or {@link #OPEN} while it is open. */
    public long closedAt() {
        return closedAt;
    }

    /** The visits of the path: none while the deal is in no stage of the version (it has visited absorbed stages only). */
    public int visitCount() {
        return stageless ? 0 : recordedCount();
    }

    /**
     * The visits the path array holds: those of the path, or for a deal in no stage the times of its stays in absorbed
     * stages, which only its closings, reopenings and transitions read.
     */
    private int recordedCount() {
        return contiguous ? path.length - 1 : path.length / 2;
    }

    /** Stage position of visit {@code i} (0-based, in path order). */
    public int stageAt(int i) {
        return (int) (path[contiguous ? i : 2 * i] & POSITION_MASK);
    }

    public long enteredAt(int i) {
        return path[contiguous ? i : 2 * i] >> POSITION_BITS;
    }

    /** Epoch milliseconds visit {@code i} ended, or {@link #OPEN} while it goes on. */
    public long exitedAt(int i) {
        if (!contiguous) {
            return path[2 * i + 1];
        }
        return i + 2 < path.length ? path[i + 1] >> POSITION_BITS : path[i + 1];
    }

    /**
     * True when visit {@code i} began with a reopening: after time the deal spent closed (a gap since the visit before
     * it), or at the millisecond of the closing, which the recorded visit marks. A journey stored without the marks
     * (by an earlier release, until the journeys are replayed) reads a reopening at the millisecond of the closing as
     * a move.
     */
    public boolean beganWithReopening(int i) {
        if (i > 0 && exitedAt(i - 1) != enteredAt(i)) {
            return true;
        }
        for (int visit : touchingReopenings) {
            if (visit == i) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the deal stood at {@code at} (inclusive), from its closings and reopenings up to then: open, or won or lost
     * as its last closing at or before {@code at} ended it, unless a reopening followed by then. Events at one
     * millisecond count in their recorded order. A closing later undone by a reopening is known to be a win only for
     * journeys projected since visits keep how they closed; one stored before reads as a loss until the journeys
     * are replayed. Undefined before the opening.
     */
    public Outcome outcomeAt(long at) {
        int by = closedBy(at);
        if (by == NOT_CLOSED) {
            return Outcome.OPEN;
        }
        if (by == LAST_CLOSING) {
            return outcome;
        }
        for (int visit : reopenedAfterWin) {
            if (visit == by) {
                return Outcome.WON;
            }
        }
        return Outcome.LOST;
    }

    /**
     * Epoch milliseconds of the closing that left the deal closed at {@code at} (see {@link #outcomeAt(long)}), or
     * {@link #OPEN} when it was open then.
     */
    public long closingAt(long at) {
        int by = closedBy(at);
        return by == NOT_CLOSED ? OPEN : by == LAST_CLOSING ? closedAt : exitedAt(by - 1);
    }

    /**
     * True when the deal has a won event in ({@code after}, {@code upTo}]: its last closing, or a closing a
     * reopening later undid (known to be a win for journeys projected since visits keep how they closed).
     */
    public boolean wonIn(long after, long upTo) {
        for (int visit : reopenedAfterWin) {
            long closing = exitedAt(visit - 1);
            if (closing > after && closing <= upTo) {
                return true;
            }
        }
        return outcome == Outcome.WON && closedAt > after && closedAt <= upTo;
    }

    /**
     * What closed the deal as it stood at {@code at}: {@link #NOT_CLOSED} when it was open; {@link #LAST_CLOSING}
     * for its last closing; otherwise the index of the visit begun by the reopening that later undid the closing.
     */
    private int closedBy(long at) {
        for (int i = 1; i < recordedCount(); i++) {
            if (beganWithReopening(i)) {
                if (exitedAt(i - 1) > at) {
                    return NOT_CLOSED;
                }
                if (enteredAt(i) > at) {
                    return i;
                }
            }
        }
        return closedAt != OPEN && closedAt <= at ? LAST_CLOSING : NOT_CLOSED;
    }

    /**
     * True when visit {@code i} ended with the deal being won: the deal's last closing when it is the last visit, or a
     * win a later reopening undid.
     */
    public boolean endedWithWin(int i) {
        if (i == visitCount() - 1) {
            return outcome == Outcome.WON;
        }
        for (int visit : reopenedAfterWin) {
            if (visit == i + 1) {
                return true;
            }
        }
        return false;
    }

    /** How many forward exits recorded their confirmed exit criteria. */
    public int recordedExitCount() {
        return recordedExits.length;
    }

    /** The recorded exit {@code i}, in path order, as {@link RecordedExits} packs it. */
    public long recordedExit(int i) {
        return recordedExits[i];
    }

    /** True when the deal visited the stage at {@code position}. */
    public boolean visited(int position) {
        return (visited >>> position & 1L) != 0;
    }

    /** Bit {@code k} is set when the deal visited the stage at position k. */
    public long visitedPositions() {
        return visited;
    }

    /** The largest position the deal ever visited. */
    public int highest() {
        return highest;
    }

    /**
     * The stage of the deal's last visit: where it is while open, where it was won or lost once closed; {@link
     * AnalyticVersion#ABSORBED} (0, no stage) for a deal that has visited absorbed stages only.
     */
    public int lastStage() {
        return visitCount() == 0 ? AnalyticVersion.ABSORBED : stageAt(visitCount() - 1);
    }

    /** True when a transition (open, move, win, lose, reopen) happened at or after {@code from} and before {@code to}. */
    public boolean hadTransitionIn(long from, long to) {
        for (int i = 0; i < recordedCount(); i++) {
            long entered = enteredAt(i);
            long exited = exitedAt(i);
            if (entered >= from && entered < to || exited != OPEN && exited >= from && exited < to) {
                return true;
            }
        }
        for (long at : otherTransitions) {
            if (at >= from && at < to) {
                return true;
            }
        }
        return false;
    }

    /** Epoch milliseconds of the deal's last event of any kind, attribute changes included. */
    public long lastEventAt() {
        return lastEventAtOrBefore(Long.MAX_VALUE);
    }

    /**
     * Epoch milliseconds of the deal's last event of any kind (attribute changes included) at or before {@code at},
     * or {@link #OPEN} when it has none by then. A deal that by then had visited absorbed stages only counts: it
     * existed, open, only in no stage (DESIGN §10.1). Constant time when its opening (its first event) is after it.
     */
    public long lastEventAtOrBefore(long at) {
        if (openedAt > at) {
            return OPEN;
        }
        long last = OPEN;
        // path times never decrease, so the latest one up to the bound is the first found from the end
        for (int i = recordedCount() - 1; i >= 0 && last == OPEN; i--) {
            last = latestUpTo(latestUpTo(last, exitedAt(i), at), enteredAt(i), at);
        }
        for (long time : otherTransitions) {
            last = latestUpTo(last, time, at);
        }
        for (long time : attributeChanges) {
            last = latestUpTo(last, time, at);
        }
        return last;
    }

    private static long latestUpTo(long latest, long time, long bound) {
        return time <= bound && time > latest ? time : latest;
    }

    /** The path as a list of visits; allocates, so meant for display and tests rather than metrics. */
    public List<PathVisit> visits() {
        List<PathVisit> visits = new ArrayList<>(visitCount());
        for (int i = 0; i < visitCount(); i++) {
            long exited = exitedAt(i);
            visits.add(new PathVisit(stageAt(i), Instant.ofEpochMilli(enteredAt(i)),
                    exited == OPEN ? null : Instant.ofEpochMilli(exited)));
        }
        return visits;
    }

    /**
     * The stage keys of the deal's recorded visits in visit order, repeats included, as its events carry them
     * before the version maps them (absorbed stages too); in a view {@link #asOf(long)} an earlier instant, those of
     * the visits begun by then.
     */
    public List<String> rawSteps() {
        return rawSteps.keys();
    }

    /** The sequence number of the deal's last event this journey reflects. */
    public long sequence() {
        return sequence;
    }

    /**
     * The deal's amount, currency and expected close date over its whole history, later changes included even in a
     * view {@link #asOf(long)} an earlier instant: a reader picks the entry in force at the time it asks about.
     */
    public AttributeTimeline timeline() {
        return timeline;
    }

    /**
     * Epoch milliseconds from which the deal is in a stage of the version: its first visit to a non-absorbed stage
     * (before it, {@link #asOf(long)} has no path visits), usually the opening; {@link #NEVER} when it has made none.
     */
    public long inStageFrom() {
        return pathFrom;
    }

    /**
     * How many open stretches the deal had: one from its opening, and one from each reopening, each to the closing
     * that ended it or still open. They cover the deal's whole life, in a stage of the version or in none.
     */
    public int openStretches() {
        int stretches = 1;
        for (int i = 1; i < recordedCount(); i++) {
            if (beganWithReopening(i)) {
                stretches++;
            }
        }
        return stretches;
    }

    /** Epoch milliseconds open stretch {@code k} began: the opening for the first, else its reopening. */
    public long stretchOpenedAt(int k) {
        return enteredAt(stretchStart(k));
    }

    /** Epoch milliseconds of the closing that ended open stretch {@code k}, or {@link #OPEN} while it goes on. */
    public long stretchClosedAt(int k) {
        int next = stretchStart(k + 1);
        return exitedAt(next - 1);
    }

    /** True when open stretch {@code k} ended with a win (a later reopening may have undone it). */
    public boolean stretchWon(int k) {
        int next = stretchStart(k + 1);
        return next == recordedCount() ? outcome == Outcome.WON && closedAt != OPEN : wonBeforeReopening(next - 1);
    }

    /** The recorded visit open stretch {@code k} begins with; the visit count for the stretch after the last. */
    private int stretchStart(int k) {
        int found = 0;
        for (int i = 1; i < recordedCount(); i++) {
            if (beganWithReopening(i) && ++found == k) {
                return i;
            }
        }
        return k == 0 ? 0 : recordedCount();
    }

    /** True when visit {@code i} ended with a win that a reopening later undid (false for the last visit). */
    public boolean wonBeforeReopening(int i) {
        for (int visit : reopenedAfterWin) {
            if (visit == i + 1) {
                return true;
            }
        }
        return false;
    }

    /** The index slot holding this deal, or -1 outside an index. */
    int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "VersionedJourney[" + dealId + " " + outcome + " " + visits() + "]";
    }
}
