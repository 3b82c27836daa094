package io.pipelens.query.analytics;

/**
 * The 95% hybrid score interval of a difference of two independent proportions x1/n1 − x2/n2 (Newcombe 1998, method
 * 10; DESIGN §9.4): with d = p1 − p2 and the {@link WilsonInterval Wilson intervals} (l1, u1) of p1 and (l2, u2) of
 * p2, lower d − √((p1 − l1)² + (u2 − p2)²), upper d + √((u1 − p1)² + (p2 − l2)²).
 *
 * <p>Written here for the reason {@link WilsonInterval} is: Commons Statistics has no interval for a proportion or a
 * difference of proportions, and this one is four lines over the Wilson interval the answers already use.
 */
public final class NewcombeInterval {

    private NewcombeInterval() {
    }

    /** The interval of x1/n1 − x2/n2, or null when either proportion has no trials. */
    public static Interval of(long successes1, long trials1, long successes2, long trials2) {
        Interval first = WilsonInterval.of(successes1, trials1);
        Interval second = WilsonInterval.of(successes2, trials2);
        if (first == null || second == null) {
            return null;
        }
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        double difference = p1 - p2;
        return new Interval(difference - Math.hypot(p1 - first.lower(), second.upper() - p2),
                difference + Math.hypot(first.upper() - p1, p2 - second.lower()));
    }
}
