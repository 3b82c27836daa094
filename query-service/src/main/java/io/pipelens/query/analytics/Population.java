package io.pipelens.query.analytics;

import java.time.Instant;

/**
 * Which deals a metric counts, by when things happened to them (DESIGN §7). The period is half-open,
 * {@code [from, to)}; a missing bound is unbounded.
 *
 * <ul>
 *   <li>{@link Basis#ALL}: every deal (no period);</li>
 *   <li>{@link Basis#OPENED}: the cohort of deals opened in the period;</li>
 *   <li>{@link Basis#CLOSED}: deals that are closed now (won or lost) and whose last closing is in the period; a deal
 *       closed in the period and reopened since is not closed, so not counted;</li>
 *   <li>{@link Basis#ACTIVE}: deals with any transition in the period: opened, moved (also into or out of an absorbed
 *       stage), won, lost or reopened. Attribute changes are not transitions.</li>
 * </ul>
 */
public record Population(Basis basis, Instant from, Instant to) {

    public static final Population ALL = new Population(Basis.ALL, null, null);

    public enum Basis {
        ALL, OPENED, CLOSED, ACTIVE
    }

    /**
     * @throws IllegalArgumentException when the basis is missing, {@code ALL} is given a period, or the period is
     *                                  empty ({@code from} not before {@code to})
     */
    public Population {
        if (basis == null) {
            throw new IllegalArgumentException("basis is required");
        }
        if (basis == Basis.ALL && (from != null || to != null)) {
            throw new IllegalArgumentException("basis ALL takes no period; use OPENED, CLOSED or ACTIVE");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("period is empty: from " + from + " is not before to " + to);
        }
    }

    public static Population opened(Instant from, Instant to) {
        return new Population(Basis.OPENED, from, to);
    }

    public static Population closed(Instant from, Instant to) {
        return new Population(Basis.CLOSED, from, to);
    }

    public static Population active(Instant from, Instant to) {
        return new Population(Basis.ACTIVE, from, to);
    }

    /** A compiled form with epoch-millisecond bounds, so the test per deal allocates nothing. */
    Test compile() {
        return new Test(basis, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli());
    }

    record Test(Basis basis, long from, long to) {

        boolean includes(VersionedJourney deal) {
            return switch (basis) {
                case ALL -> true;
                case OPENED -> within(deal.openedAt());
                case CLOSED -> deal.outcome() != Outcome.OPEN && within(deal.closedAt());
                case ACTIVE -> deal.hadTransitionIn(from, to);
            };
        }

        private boolean within(long at) {
            return at >= from && at < to;
        }
    }
}
