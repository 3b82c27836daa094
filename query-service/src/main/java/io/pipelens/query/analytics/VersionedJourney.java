package io.pipelens.query.analytics;

import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.Visit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One deal's journey under one pipeline version, in a compact immutable form: the path of visits as a byte array of
 * stage positions and a long array of epoch milliseconds, plus the few facts the metrics need. Every metric reads
 * deals in this form only, so it is also the unit the {@link AnalyticIndex} stores.
 *
 * <p>The path is built from the recorded visits (DESIGN §6, §7):
 * <ol>
 *   <li>each recorded stage key is resolved by {@link AnalyticVersion#positionOf(String)};</li>
 *   <li>an absorbed visit takes the stage of the nearest earlier non-absorbed visit of the deal's history (across
 *       reopenings); when there is none (the deal started there), the stage of the nearest later one;</li>
 *   <li>consecutive visits of the same stage merge when they touch: the earlier one is closed and ends exactly when
 *       the later one begins. A reopening starts later than the closing or, at the same millisecond, follows a closed
 *       visit; such a pair also touches and merges, which adds no closed time because none passed;</li>
 *   <li>visits stay in recorded (event) order; equal timestamps never reorder them, and a visit may last 0 ms.</li>
 * </ol>
 * A deal all of whose visits are absorbed has no path under the version and no {@code VersionedJourney}.
 */
public final class VersionedJourney {

    /** Stands for "no time": the exit of an open visit, the closing of an open deal. */
    public static final long OPEN = Long.MIN_VALUE;

    private static final long[] NO_TIMES = new long[0];

    private final String dealId;
    private final Outcome outcome;
    private final String owner;
    private final String source;
    private final String segment;
    private final String currency;
    private final double amount;
    private final long openedAt;
    private final long closedAt;
    private final byte[] stages;
    private final long[] times;
    private final long visited;
    private final byte highest;
    private final long[] otherTransitions;

    private VersionedJourney(String dealId, Outcome outcome, String owner, String source, String segment,
                             String currency, double amount, long openedAt, long closedAt, byte[] stages,
                             long[] times, long[] otherTransitions) {
        this.dealId = dealId;
        this.outcome = outcome;
        this.owner = owner;
        this.source = source;
        this.segment = segment;
        this.currency = currency;
        this.amount = amount;
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.stages = stages;
        this.times = times;
        this.otherTransitions = otherTransitions;
        long mask = 0;
        int top = 0;
        for (byte stage : stages) {
            mask |= 1L << stage;
            top = Math.max(top, stage);
        }
        this.visited = mask;
        this.highest = (byte) top;
    }

    /** The deal's path under {@code version}, or empty when every visit it made is absorbed. */
    public static Optional<VersionedJourney> of(DealJourney journey, AnalyticVersion version) {
        return Optional.ofNullable(build(journey, version, null));
    }

    static VersionedJourney build(DealJourney journey, AnalyticVersion version, Interner interner) {
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
        if (firstMapped < 0) {
            return null;
        }
        int previous = positions[firstMapped];
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
        for (int i = 0; i < count; i++) {
            Visit visit = raw.get(i);
            long entered = visit.enteredAt().toEpochMilli();
            long exited = visit.exitedAt() == null ? OPEN : visit.exitedAt().toEpochMilli();
            if (size > 0 && stages[size - 1] == positions[i] && times[2 * size - 1] == entered) {
                times[2 * size - 1] = exited;
            } else {
                stages[size] = (byte) positions[i];
                times[2 * size] = entered;
                times[2 * size + 1] = exited;
                size++;
            }
        }
        if (size < count) {
            stages = Arrays.copyOf(stages, size);
            times = Arrays.copyOf(times, 2 * size);
        }
        long[] others = transitionsNotOnPath(raw, times);

        BigDecimal amount = journey.amount();
        return new VersionedJourney(journey.id(), outcome(journey), intern(interner, journey.owner()),
                intern(interner, journey.source()), intern(interner, journey.segment()),
                intern(interner, journey.currency()), amount == null ? Double.NaN : amount.doubleValue(),
                journey.openedAt().toEpochMilli(), journey.closedAt() == null ? OPEN
                        : journey.closedAt().toEpochMilli(), stages, times, others);
    }

    private static Outcome outcome(DealJourney journey) {
        return switch (journey.status()) {
            case OPEN -> Outcome.OPEN;
            case WON -> Outcome.WON;
            case LOST -> Outcome.LOST;
        };
    }

    private static String intern(Interner interner, String value) {
        return interner == null ? value : interner.intern(value);
    }

    /**
     * Recorded transition times that are no visit boundary of the path (moves into or out of absorbed stages, moves
     * between keys mapped to one stage). Usually none; kept so that "active in a period" sees every transition.
     */
    private static long[] transitionsNotOnPath(List<Visit> raw, long[] pathTimes) {
        long[] others = null;
        int size = 0;
        for (Visit visit : raw) {
            for (Instant at : new Instant[] {visit.enteredAt(), visit.exitedAt()}) {
                if (at == null) {
                    continue;
                }
                long millis = at.toEpochMilli();
                if (contains(pathTimes, pathTimes.length, millis) || others != null && contains(others, size, millis)) {
                    continue;
                }
                if (others == null) {
                    others = new long[2];
                } else if (size == others.length) {
                    others = Arrays.copyOf(others, 2 * size);
                }
                others[size++] = millis;
            }
        }
        return others == null ? NO_TIMES : Arrays.copyOf(others, size);
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

    public int visitCount() {
        return stages.length;
    }

    /** Stage position of visit {@code i} (0-based, in path order). */
    public int stageAt(int i) {
        return stages[i];
    }

    public long enteredAt(int i) {
        return times[2 * i];
    }

    /** Epoch milliseconds visit {@code i} ended, or {@link #OPEN} while it goes on. */
    public long exitedAt(int i) {
        return times[2 * i + 1];
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
     * The stage of the deal's last visit: where it is while open, where it was won or lost once closed.
     */
    public int lastStage() {
        return stages[stages.length - 1];
    }

    /** True when a transition (open, move, win, lose, reopen) happened at or after {@code from} and before {@code to}. */
    public boolean hadTransitionIn(long from, long to) {
        for (long at : times) {
            if (at != OPEN && at >= from && at < to) {
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

    /** The path as a list of visits; allocates, so meant for display and tests rather than metrics. */
    public List<PathVisit> visits() {
        List<PathVisit> visits = new ArrayList<>(stages.length);
        for (int i = 0; i < stages.length; i++) {
            long exited = exitedAt(i);
            visits.add(new PathVisit(stages[i], Instant.ofEpochMilli(enteredAt(i)),
                    exited == OPEN ? null : Instant.ofEpochMilli(exited)));
        }
        return visits;
    }

    @Override
    public String toString() {
        return "VersionedJourney[" + dealId + " " + outcome + " " + visits() + "]";
    }
}
