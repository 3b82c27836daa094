package io.pipelens.query.analytics.movement;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.AttributeTimeline;
import io.pipelens.query.analytics.Outcome;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Movement between t0 and t1 (DESIGN §10.3) in one pass over the deals as they stood at t1: per stage, the work in
 * progress at both ends and every visit entering or leaving it in (t0, t1]; per currency, the open amount at both ends
 * and every change to it; and the expected close dates pushed and pulled.
 *
 * <p>A deal is in a stage of the version from {@link VersionedJourney#inStageFrom()}: usually its opening, later for
 * a deal that began in absorbed stages, which then enters ("opened into") its first stage of the version; until then it
 * is open in no stage (DESIGN §10.1) and in no stage's work in progress. The open amount runs over all open deals, in
 * a stage or not: a deal's open stretches run from its opening or a reopening to a closing, whatever stages it was in.
 * The amount of a stretch is read from the deal's {@link AttributeTimeline}: at one millisecond an attribute change
 * counts after the opening and before any other transition, so an amount changed as the deal closes counts first as
 * an increase or decrease and then as won or lost. Stretches telescope: each adds its first amount (or the amount at
 * t0), every change inside it, and takes its last (or the amount at t1), so both identities hold exactly, deal by
 * deal.
 */
public final class Movement {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Movement() {
    }

    public static MovementReport compute(AnalyticIndex index, Population population, Slice slice, Instant from,
                                         Instant to) {
        return compute(index.version(), index.dealsAsOf(to), population, slice, from, to);
    }

    /**
     * @param deals the deals as they stood at {@code to} (a view {@link VersionedJourney#asOf(long)} it)
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public static MovementReport compute(AnalyticVersion version, Iterable<VersionedJourney> deals,
                                         Population population, Slice slice, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
        }
        Tally tally = new Tally(version.stageCount(), from.toEpochMilli(), to.toEpochMilli());
        int selected = Selection.forEach(deals, population, slice, tally::add);
        List<StageMovement> stages = new ArrayList<>(version.stageCount());
        for (int k = 1; k <= version.stageCount(); k++) {
            int[] c = tally.stages[k];
            stages.add(new StageMovement(k, version.key(k), c[START], c[END], c[OPENED], c[FORWARD_IN],
                    c[BACKWARD_IN], c[REOPENED], c[FORWARD_OUT], c[BACKWARD_OUT], c[WON], c[LOST]));
        }
        return new MovementReport(version.number(), from, to, selected, List.copyOf(stages),
                tally.amounts.movements(), tally.slippage());
    }

    static final int START = 0;
    static final int END = 1;
    static final int OPENED = 2;
    static final int FORWARD_IN = 3;
    static final int BACKWARD_IN = 4;
    static final int REOPENED = 5;
    static final int FORWARD_OUT = 6;
    static final int BACKWARD_OUT = 7;
    static final int WON = 8;
    static final int LOST = 9;

    /** The running counts of one computation. */
    private static final class Tally {

        private final int[][] stages;
        private final long t0;
        private final long t1;
        private final int today;
        private final Waterfalls amounts = new Waterfalls();
        private int pushes;
        private long slipDays;
        private int pulls;
        private long pullDays;
        private int overdue;

        Tally(int stageCount, long t0, long t1) {
            this.stages = new int[stageCount + 1][LOST + 1];
            this.t0 = t0;
            this.t1 = t1;
            this.today = Math.toIntExact(LocalDate.ofInstant(Instant.ofEpochMilli(t1), ZoneOffset.UTC).toEpochDay());
        }

        Slippage slippage() {
            return new Slippage(pushes, slipDays, pulls, pullDays, overdue);
        }

        void add(VersionedJourney deal) {
            stages(deal);
            AttributeTimeline timeline = deal.timeline();
            long start = deal.openedAt();
            for (int i = 0; i < deal.openStretches(); i++) {
                long end = deal.stretchClosedAt(i);
                stretch(timeline, i == 0 ? start : deal.stretchOpenedAt(i), i == 0, end,
                        end != VersionedJourney.OPEN && deal.stretchWon(i));
            }
            slippage(timeline, deal.openedAt());
        }

        /** The deal's visits entering and leaving stages: from its first visit to a stage of the version on. */
        private void stages(VersionedJourney deal) {
            long appears = deal.inStageFrom();
            int count = deal.visitCount();
            int first = firstVisit(deal, appears);
            for (int i = first; i < count; i++) {
                long entered = i == first ? appears : deal.enteredAt(i);
                long exited = deal.exitedAt(i);
                int stage = deal.stageAt(i);
                if (entered <= t0 && (exited == VersionedJourney.OPEN || exited > t0)) {
                    stages[stage][START]++;
                }
                if (exited == VersionedJourney.OPEN) {
                    stages[stage][END]++;
                }
                if (entered > t0) {
                    stages[stage][i == first ? OPENED : deal.beganWithReopening(i) ? REOPENED
                            : deal.stageAt(i - 1) < stage ? FORWARD_IN : BACKWARD_IN]++;
                }
                boolean closes = exited != VersionedJourney.OPEN
                        && (i + 1 == count || deal.beganWithReopening(i + 1));
                if (exited != VersionedJourney.OPEN && exited > t0) {
                    stages[stage][closes ? (wonAt(deal, i) ? WON : LOST)
                            : deal.stageAt(i + 1) > stage ? FORWARD_OUT : BACKWARD_OUT]++;
                }
            }
        }

        /**
         * The visit the deal appears in: the first, unless it began in absorbed stages (visits before it then ended
         * before the deal existed under the version).
         */
        private static int firstVisit(VersionedJourney deal, long appears) {
            int first = 0;
            if (deal.visitCount() > 0 && appears > deal.enteredAt(0)) {
                while (first < deal.visitCount() - 1 && deal.exitedAt(first) != VersionedJourney.OPEN
                        && deal.exitedAt(first) < appears) {
                    first++;
                }
            }
            return first;
        }

        private static boolean wonAt(VersionedJourney deal, int visit) {
            return visit + 1 == deal.visitCount() ? deal.outcome() == Outcome.WON : deal.wonBeforeReopening(visit);
        }

        /**
         * One open stretch [start, end): its amounts in the window. At its start the opening's own values count
         * (changes at that millisecond come after the opening), or those in force after the changes of the
         * millisecond for a reopening.
         */
        private void stretch(AttributeTimeline timeline, long start, boolean opening, long end, boolean won) {
            if (end != VersionedJourney.OPEN && end <= t0) {
                return;
            }
            int from;
            if (start > t0) {
                from = opening ? 0 : timeline.entryAt(start);
                amounts.add(timeline, from, opening ? Waterfalls.OPENED : Waterfalls.REOPENED);
            } else {
                from = timeline.entryAt(t0);
                amounts.add(timeline, from, Waterfalls.START);
            }
            int to;
            if (end == VersionedJourney.OPEN) {
                to = timeline.entryAt(t1);
                amounts.add(timeline, to, Waterfalls.END);
                if (timeline.closeDate(to) != AttributeTimeline.NO_DATE && timeline.closeDate(to) < today) {
                    overdue++;
                }
            } else {
                to = timeline.entryAt(end);
                amounts.add(timeline, to, won ? Waterfalls.WON : Waterfalls.LOST);
            }
            for (int j = from + 1; j <= to; j++) {
                amounts.change(timeline, j);
            }
        }

        private void slippage(AttributeTimeline timeline, long openedAt) {
            for (int j = timeline.size() - 1; j >= 1 && timeline.at(j) > t0; j--) {
                long at = timeline.at(j);
                if (at > t1 || at < openedAt) {
                    continue;
                }
                int before = timeline.closeDate(j - 1);
                int after = timeline.closeDate(j);
                if (before == AttributeTimeline.NO_DATE || after == AttributeTimeline.NO_DATE) {
                    continue;
                }
                if (after > before) {
                    pushes++;
                    slipDays += after - before;
                } else if (after < before) {
                    pulls++;
                    pullDays += before - after;
                }
            }
        }
    }
}
