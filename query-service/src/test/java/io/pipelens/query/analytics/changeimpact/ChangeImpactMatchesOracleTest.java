package io.pipelens.query.analytics.changeimpact;

import static io.pipelens.query.analytics.DealHistory.T0;
import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.oracle.ChangeImpactOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Change impact against {@link ChangeImpactOracle} on generated histories: deals opened around the change, some
 * exactly at T, at T − W, at T + W and with opening + H exactly at asOf; closings, reopenings (some at the
 * millisecond of the closing) and closings exactly at the horizon. Counts exact, statistics within 1e-9.
 */
class ChangeImpactMatchesOracleTest {

    private static final long DAY = 86_400_000L;
    private static final double TOLERANCE = 1e-9;
    private static final List<String> STAGES = List.of("a", "b", "c");

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engineMatchesOracle(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int horizonDays = random.nextInt(1, 60);
        int windowDays = random.nextInt(1, 120);
        Instant at = T0.plusMillis(200 * DAY);
        long t = at.toEpochMilli();
        Instant asOf = Instant.ofEpochMilli(t + random.nextLong(-windowDays * DAY / 2, (windowDays + 2L * horizonDays)
                * DAY));
        List<DealHistory> deals = new ArrayList<>();
        int count = random.nextInt(0, 150);
        for (int i = 0; i < count; i++) {
            long opened = switch (random.nextInt(8)) {
                case 0 -> t;
                case 1 -> t - windowDays * DAY;
                case 2 -> t + windowDays * DAY;
                case 3 -> asOf.toEpochMilli() - horizonDays * DAY;
                case 4 -> t - windowDays * DAY - 1;
                default -> t + random.nextLong(-(windowDays + 10L) * DAY, (windowDays + 10L) * DAY);
            };
            deals.add(history(random, "d" + i, opened, horizonDays));
        }

        AnalyticIndex index = Pipelines.index(Pipelines.versionOne(STAGES.toArray(String[]::new)),
                deals.toArray(DealHistory[]::new));
        ChangeImpactReport engine = ChangeImpact.compute(index.version(), index.deals(), Slice.ALL, at, horizonDays,
                windowDays, asOf);
        List<List<DealEvent>> events = deals.stream().map(DealHistory::events).toList();
        ChangeImpactOracle.Answer oracle = ChangeImpactOracle.compute(events, at, horizonDays, windowDays, asOf);

        assertCohort("before", engine.before(), oracle.before());
        assertCohort("after", engine.after(), oracle.after());
        assertClose("difference", engine.winRateDifference(), oracle.difference());
        assertInterval("difference CI", engine.winRateDifferenceCi(), oracle.differenceCi());
        assertClose("Fisher p", engine.fisherP(), oracle.fisherP());
    }

    /** A random history: moves, wins, losses and reopenings, some at the horizon, some in the same millisecond. */
    private static DealHistory history(SplittableRandom random, String id, long opened, int horizonDays) {
        DealHistory deal = deal(id);
        if (random.nextInt(4) > 0) {
            deal.worth(String.valueOf(random.nextInt(1, 100_000)) + "." + random.nextInt(10, 100),
                    random.nextInt(5) == 0 ? null : random.nextBoolean() ? "EUR" : "USD");
        }
        String stage = STAGES.get(random.nextInt(STAGES.size()));
        deal.openedAt(stage, Instant.ofEpochMilli(opened));
        long now = opened;
        boolean open = true;
        int steps = random.nextInt(0, 7);
        for (int s = 0; s < steps; s++) {
            now += switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> opened + horizonDays * DAY - now > 0 ? opened + horizonDays * DAY - now : 1;
                default -> random.nextLong(1, 40 * DAY);
            };
            Instant when = Instant.ofEpochMilli(now);
            if (open) {
                int choice = random.nextInt(3);
                if (choice == 0) {
                    String next = STAGES.get(random.nextInt(STAGES.size()));
                    if (!next.equals(stage)) {
                        deal.movedTo(next, when);
                        stage = next;
                    }
                } else {
                    if (choice == 1) {
                        deal.wonAt(when);
                    } else {
                        deal.lostAt(when);
                    }
                    open = false;
                }
            } else {
                stage = STAGES.get(random.nextInt(STAGES.size()));
                deal.reopenedInto(stage, when);
                open = true;
            }
        }
        return deal;
    }

    private static void assertCohort(String name, Cohort engine, ChangeImpactOracle.Cohort oracle) {
        assertThat(engine.deals()).as(name + " deals").isEqualTo(oracle.deals());
        assertThat(engine.leftOut()).as(name + " left out").isEqualTo(oracle.leftOut());
        assertThat(engine.wonWithinHorizon()).as(name + " won").isEqualTo(oracle.won());
        assertThat(engine.lostWithinHorizon()).as(name + " lost").isEqualTo(oracle.lost());
        assertThat(engine.openAtHorizon()).as(name + " open").isEqualTo(oracle.open());
        assertClose(name + " win rate", engine.winRate(), oracle.winRate());
        assertInterval(name + " win rate CI", engine.winRateCi(), oracle.winRateCi());
        assertClose(name + " median days to win", engine.medianDaysToWin(), oracle.medianDaysToWin());
        assertThat(engine.averageWonAmounts()).as(name + " currencies").hasSize(oracle.averageWonAmounts().size());
        for (CurrencyAmount amount : engine.averageWonAmounts()) {
            double[] expected = oracle.averageWonAmounts().get(amount.currency() == null ? "" : amount.currency());
            assertThat(expected).as(name + " currency " + amount.currency()).isNotNull();
            assertThat(amount.wonDeals()).as(name + " won deals in " + amount.currency()).isEqualTo((int) expected[0]);
            assertThat(amount.averageAmount()).as(name + " average in " + amount.currency())
                    .isCloseTo(expected[1], within(TOLERANCE * Math.max(1, expected[1])));
        }
    }

    private static void assertClose(String what, Double engine, Double oracle) {
        if (oracle == null) {
            assertThat(engine).as(what).isNull();
        } else {
            assertThat(engine).as(what).isNotNull().isCloseTo(oracle, within(TOLERANCE));
        }
    }

    private static void assertInterval(String what, Interval engine, Oracle.Ci oracle) {
        if (oracle == null) {
            assertThat(engine).as(what).isNull();
        } else {
            assertThat(engine).as(what).isNotNull();
            assertThat(engine.lower()).as(what + " lower").isCloseTo(oracle.lower(), within(TOLERANCE));
            assertThat(engine.upper()).as(what + " upper").isCloseTo(oracle.upper(), within(TOLERANCE));
        }
    }
}
