package io.pipelens.query.analytics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Scenarios;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.oracle.ChangeImpactOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trends equal a plain computation of DESIGN §10.2 on seeded histories (redefined versions with mapped and absorbed
 * stages, reopenings, attribute changes, equal timestamps; every other seed on whole UTC days, so that events fall
 * exactly on period boundaries): flows counted from the raw events before each period's
 * end, durations and work in progress from the {@link Oracle}'s paths of the events before, and up to, the end. A deal
 * whose visits by then are all to absorbed stages is open (or closed) in no stage (DESIGN §10.1): it counts in the
 * flows, and in no stage's work in progress or durations.
 */
class TrendMatchesOracleTest {

    private static final long DAY = 86_400_000L;

    static LongStream seeds() {
        return Scenarios.seeds(300);
    }

    /** One seed's question: the scenario, the range and the interval. */
    private record Case(Scenarios.Scenario scenario, Instant from, Instant to, TrendInterval interval) {

        static Case of(long seed) {
            Scenarios.Scenario drawn = Scenarios.scenario(seed, 40);
            Scenarios.Scenario scenario = seed % 2 == 0 ? drawn : Scenarios.onWholeDays(drawn);
            SplittableRandom random = new SplittableRandom(seed);
            long first = scenario.histories().stream().mapToLong(h -> h.get(0).occurredAt().toEpochMilli()).min()
                    .orElseThrow();
            Instant from = Instant.ofEpochMilli(first + random.nextLong(-10 * DAY, 120 * DAY));
            Instant to = from.plusMillis(random.nextLong(1, 150 * DAY));
            return new Case(scenario, from, to, random.nextBoolean() ? TrendInterval.WEEK : TrendInterval.MONTH);
        }

        Expected expected(long start, long end) {
            return TrendMatchesOracleTest.expected(scenario.setup().oracle(), scenario.histories(),
                    scenario.question().slice(), scenario.setup().version().stageCount(), start, end);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalsThePlainComputation(long seed) {
        Case drawn = Case.of(seed);
        AnalyticVersion version = drawn.scenario().setup().version();
        AnalyticIndex index = Scenarios.indexAsProjected(drawn.scenario());
        Slice slice = drawn.scenario().question().slice();

        TrendReport report = Trend.compute(version, index.deals(), slice, drawn.from(), drawn.to(), drawn.interval());

        List<long[]> periods = expectedPeriods(drawn.from(), drawn.to(), drawn.interval());
        assertThat(report.periods()).as("seed %d", seed).hasSize(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            long start = periods.get(i)[0];
            long end = periods.get(i)[1];
            TrendPeriod period = report.periods().get(i);
            String as = "seed " + seed + ", period " + Instant.ofEpochMilli(start);
            assertThat(period.start().toEpochMilli()).as(as).isEqualTo(start);
            assertThat(period.end().toEpochMilli()).as(as).isEqualTo(end);
            Expected expected = drawn.expected(start, end);
            assertThat(new int[] {period.opened(), period.won(), period.lost()}).as(as)
                    .containsExactly(expected.opened, expected.won, expected.lost);
            assertThat(period.winRate()).as(as).isEqualTo(expected.won + expected.lost == 0 ? null
                    : expected.won / (double) (expected.won + expected.lost));
            for (TrendStage stage : period.stages()) {
                int k = stage.position();
                assertThat(stage.wip()).as(as + " wip at " + k).isEqualTo(expected.wip[k]);
                assertThat(stage.deals()).as(as + " deals at " + k).isEqualTo(expected.totals.get(k).size());
                Double median = ChangeImpactOracle.median(expected.totals.get(k).stream()
                        .map(millis -> millis / 1000.0).toList());
                if (median == null) {
                    assertThat(stage.medianSecondsInStage()).as(as).isNull();
                } else {
                    assertThat(stage.medianSecondsInStage()).as(as).isCloseTo(median, within(1e-9 * (1 + median)));
                }
            }
        }
    }

    /** The seeds above count deals opened in a period while in no stage of the version at its end, so not vacuously. */
    @Test
    void theSeedsOpenDealsInNoStage() {
        int openedInNoStage = 0;
        for (long seed : seeds().toArray()) {
            Case drawn = Case.of(seed);
            for (long[] period : expectedPeriods(drawn.from(), drawn.to(), drawn.interval())) {
                openedInNoStage += drawn.expected(period[0], period[1]).openedInNoStage();
            }
        }
        assertThat(openedInNoStage).isGreaterThan(20);
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirstInUtcEachCountedWhole() {
        List<long[]> weeks = Trend.periods(Instant.parse("2026-03-04T10:00:00Z"),
                Instant.parse("2026-03-16T00:00:00.001Z"), TrendInterval.WEEK);
        assertThat(weeks).extracting(p -> Instant.ofEpochMilli(p[0])).containsExactly(
                Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"),
                Instant.parse("2026-03-16T00:00:00Z"));
        List<long[]> months = Trend.periods(Instant.parse("2026-01-31T23:59:59Z"),
                Instant.parse("2026-03-01T00:00:00Z"), TrendInterval.MONTH);
        assertThat(months).extracting(p -> Instant.ofEpochMilli(p[1])).containsExactly(
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
        assertThatThrownBy(() -> Trend.periods(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), TrendInterval.WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not before to");
    }

    private record Expected(int opened, int won, int lost, int[] wip, List<List<Long>> totals, int openedInNoStage) {
    }

    private static Expected expected(Oracle oracle, List<List<DealEvent>> histories, Slice slice, int stages,
                                     long start, long end) {
        int opened = 0;
        int won = 0;
        int lost = 0;
        int openedInNoStage = 0;
        int[] wip = new int[stages + 1];
        List<List<Long>> totals = new ArrayList<>();
        for (int k = 0; k <= stages; k++) {
            totals.add(new ArrayList<>());
        }
        for (List<DealEvent> history : histories) {
            List<DealEvent> before = history.stream().filter(e -> e.occurredAt().toEpochMilli() < end).toList();
            Oracle.Deal deal = before.isEmpty() ? null : oracle.deal(before);
            if (deal != null && matches(deal, slice)) {
                opened += deal.openedAt >= start ? 1 : 0;
                openedInNoStage += deal.openedAt >= start && deal.path.isEmpty() ? 1 : 0;
                DealEvent closing = null;
                for (DealEvent event : before) {
                    if (event instanceof DealWonEvent || event instanceof DealLostEvent) {
                        closing = event;
                    } else if (event instanceof DealReopenedEvent) {
                        closing = null;
                    }
                }
                if (closing != null && closing.occurredAt().toEpochMilli() >= start) {
                    won += closing instanceof DealWonEvent ? 1 : 0;
                    lost += closing instanceof DealLostEvent ? 1 : 0;
                }
                for (int k = 1; k <= stages; k++) {
                    long total = 0;
                    boolean endedInPeriod = false;
                    for (Oracle.Visit visit : deal.path) {
                        if (visit.stage() == k && visit.out() != null) {
                            total += visit.out() - visit.in();
                            endedInPeriod |= visit.out() >= start;
                        }
                    }
                    if (endedInPeriod) {
                        totals.get(k).add(total);
                    }
                }
            }
            List<DealEvent> byEnd = history.stream().filter(e -> e.occurredAt().toEpochMilli() <= end).toList();
            Oracle.Deal atEnd = byEnd.isEmpty() ? null : oracle.deal(byEnd);
            // open in no stage (every visit by then absorbed): in no stage's work in progress
            if (atEnd != null && matches(atEnd, slice) && atEnd.status.equals("open") && !atEnd.path.isEmpty()) {
                wip[atEnd.path.get(atEnd.path.size() - 1).stage()]++;
            }
        }
        return new Expected(opened, won, lost, wip, totals, openedInNoStage);
    }

    private static boolean matches(Oracle.Deal deal, Slice slice) {
        return (slice.owner() == null || slice.owner().equals(deal.owner))
                && (slice.source() == null || slice.source().equals(deal.source))
                && (slice.segment() == null || slice.segment().equals(deal.segment));
    }

    /** Calendar periods stepped with java.time's own week and month arithmetic. */
    private static List<long[]> expectedPeriods(Instant from, Instant to, TrendInterval interval) {
        ZonedDateTime start = from.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(
                ZoneOffset.UTC);
        start = interval == TrendInterval.WEEK ? start.minusDays(start.getDayOfWeek().getValue() - 1)
                : start.withDayOfMonth(1);
        List<long[]> periods = new ArrayList<>();
        while (start.toInstant().isBefore(to)) {
            ZonedDateTime next = interval == TrendInterval.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            periods.add(new long[] {start.toInstant().toEpochMilli(), next.toInstant().toEpochMilli()});
            start = next;
        }
        return periods;
    }
}
