package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.query.analytics.Scenarios.Draw;
import io.pipelens.query.analytics.Scenarios.Setup;
import io.pipelens.query.analytics.movement.CurrencyMovement;
import io.pipelens.query.analytics.movement.Movement;
import io.pipelens.query.analytics.movement.MovementReport;
import io.pipelens.query.analytics.movement.StageMovement;
import io.pipelens.query.analytics.oracle.MovementOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyFold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Movement (DESIGN §10.3) equals {@link MovementOracle}'s replay of the raw events, count for count and amount for
 * amount, and both identities hold for every stage and currency. Histories are seeded: redefined versions with
 * mapped and absorbed stages, backward moves, reopenings (some at the millisecond of the closing), amounts revised
 * up and down or taken away, currencies changed, expected close dates pushed and pulled, many events at one
 * millisecond, and periods whose ends fall on event times and a millisecond either side. Many deals open in absorbed
 * stages: open in no stage (DESIGN §10.1), they count in the open amount from their opening and in a stage's work in
 * progress from their first stage of the version on; some never reach one.
 */
class MovementMatchesOracleTest {

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = 86_400_000L;
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP");

    static LongStream seeds() {
        return Scenarios.seeds(300);
    }

    /** One seed's pipeline and histories, and the draw that goes on to pick the questions. */
    private record Drawn(Draw draw, Setup setup, List<List<DealEvent>> histories, List<Long> times) {

        static Drawn of(long seed) {
            Draw draw = new Draw(seed);
            Setup setup = Scenarios.setup(draw);
            List<List<DealEvent>> histories = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            int deals = draw.between(1, 40);
            for (int i = 0; i < deals; i++) {
                List<DealEvent> history = history(draw, "d" + i, setup.rawKeys(), setup.version());
                histories.add(history);
                history.forEach(event -> times.add(event.occurredAt().toEpochMilli()));
            }
            return new Drawn(draw, setup, histories, times);
        }
    }

    /** The seeds draw deals opened in absorbed stages, some reaching a stage of the version later and some never. */
    @Test
    void theSeedsOpenDealsInNoStage() {
        int reachingAStage = 0;
        int never = 0;
        for (long seed : seeds().toArray()) {
            Drawn drawn = Drawn.of(seed);
            for (List<DealEvent> history : drawn.histories()) {
                DealEvent first = firstInAKeptStage(history, drawn.setup().oracle());
                if (first == null) {
                    never++;
                } else if (!(first instanceof DealOpenedEvent)) {
                    reachingAStage++;
                }
            }
        }
        assertThat(reachingAStage).isGreaterThan(100);
        assertThat(never).isGreaterThan(100);
    }

    /** The deal's first event that puts it in a stage the version keeps, read from the raw events; null if none. */
    private static DealEvent firstInAKeptStage(List<DealEvent> history, Oracle mapping) {
        for (DealEvent event : history) {
            String stage = event instanceof DealOpenedEvent opened ? opened.stage()
                    : event instanceof DealMovedToStageEvent moved ? moved.toStage() : null;
            if (stage != null && mapping.position(stage) > 0) {
                return event;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void movementEqualsTheReplayOfTheRawEvents(long seed) {
        Drawn drawn = Drawn.of(seed);
        Draw draw = drawn.draw();
        Setup setup = drawn.setup();
        AnalyticVersion version = setup.version();
        List<List<DealEvent>> histories = drawn.histories();
        List<Long> times = drawn.times();
        AnalyticIndex index = index(histories, version);
        MovementOracle oracle = new MovementOracle(setup.oracle());
        for (int question = 0; question < 8; question++) {
            long t0 = moment(draw, times);
            long t1 = moment(draw, times);
            if (t0 == t1) {
                continue;
            }
            long from = Math.min(t0, t1);
            long to = Math.max(t0, t1);
            MovementReport report = Movement.compute(index, Population.ALL, Slice.ALL, Instant.ofEpochMilli(from),
                    Instant.ofEpochMilli(to));
            MovementOracle.Answer expected = oracle.compute(histories, version.stageCount(), from, to);
            String as = "seed " + seed + ", (" + Instant.ofEpochMilli(from) + ", " + Instant.ofEpochMilli(to) + "]";

            assertThat(stageCounts(report)).as(as).usingRecursiveComparison().isEqualTo(expected.stages());
            assertThat(waterfalls(report.currencies())).as(as).isEqualTo(normalized(expected.currencies()));
            assertThat(new long[] {report.slippage().pushes(), report.slippage().slipDays(),
                    report.slippage().pulls(), report.slippage().pullDays(), report.slippage().overdue()})
                    .as(as).isEqualTo(expected.slippage());
            for (StageMovement stage : report.stages()) {
                assertThat(stage.startWip() + stage.inflow() - stage.outflow()).as(as + " " + stage)
                        .isEqualTo(stage.endWip());
            }
            for (CurrencyMovement currency : report.currencies()) {
                assertThat(currency.start().add(currency.opened()).add(currency.reopened())
                        .add(currency.increases()).subtract(currency.decreases()).subtract(currency.won())
                        .subtract(currency.lost())).as(as + " " + currency).isEqualByComparingTo(currency.end());
            }
        }
    }

    private static long moment(Draw draw, List<Long> times) {
        if (times.isEmpty() || draw.chance(0.3)) {
            return BASE.toEpochMilli() + draw.between(0L, 200 * DAY);
        }
        return draw.pick(times) + draw.between(-1, 1);
    }

    private static AnalyticIndex index(List<List<DealEvent>> histories, AnalyticVersion version) {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, version);
        for (List<DealEvent> history : histories) {
            DealJourney journey = null;
            for (int sequence = 0; sequence < history.size(); sequence++) {
                journey = JourneyFold.apply(journey, history.get(sequence), sequence);
                index.upsert(journey);
            }
        }
        return index;
    }

    private static Map<Integer, int[]> stageCounts(MovementReport report) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (StageMovement s : report.stages()) {
            counts.put(s.position(), new int[] {s.startWip(), s.endWip(), s.openedInto(), s.forwardIn(),
                    s.backwardIn(), s.reopenedInto(), s.forwardOut(), s.backwardOut(), s.wonFrom(), s.lostAt()});
        }
        return counts;
    }

    private static Map<String, List<String>> waterfalls(List<CurrencyMovement> movements) {
        Map<String, List<String>> parts = new TreeMap<>();
        for (CurrencyMovement m : movements) {
            parts.put(m.currency(), plain(new BigDecimal[] {m.start(), m.opened(), m.reopened(), m.increases(),
                    m.decreases(), m.won(), m.lost(), m.end()}));
        }
        return parts;
    }

    private static Map<String, List<String>> normalized(Map<String, BigDecimal[]> currencies) {
        Map<String, List<String>> parts = new TreeMap<>();
        currencies.forEach((currency, values) -> parts.put(currency, plain(values)));
        return parts;
    }

    private static List<String> plain(BigDecimal[] values) {
        List<String> plain = new ArrayList<>();
        for (BigDecimal value : values) {
            plain.add(value.stripTrailingZeros().toPlainString());
        }
        return plain;
    }

    /**
     * One deal's events as the aggregate would accept them. Until the deal has been at a kept stage for a while its
     * steps are apart in time: the order of events at the millisecond a deal first reaches a kept stage is not
     * recorded in its journey (docs/metrics.md).
     */
    private static List<DealEvent> history(Draw draw, String id, List<String> keys, AnalyticVersion version) {
        String pipeline = DealHistory.PIPELINE;
        List<DealEvent> events = new ArrayList<>();
        Instant at = BASE.plusMillis(draw.between(0L, 90 * DAY));
        String stage = draw.pick(keys);
        DealAttributes attributes = new DealAttributes(draw.pick(List.of("ann", "bob")), null, null,
                draw.chance(0.15) ? null : BigDecimal.valueOf(draw.between(0, 5_000_000), 2), draw.pick(CURRENCIES),
                draw.chance(0.2) ? null : LocalDate.of(2025, 2, 1).plusDays(draw.between(0, 120)));
        events.add(new DealOpenedEvent(id, pipeline, stage, attributes, at));
        Instant keptSince = version.positionOf(stage) == AnalyticVersion.ABSORBED ? null : at;
        boolean open = true;
        int steps = draw.between(0, 12);
        for (int i = 0; i < steps; i++) {
            boolean settled = keptSince != null && at.isAfter(keptSince);
            long delay = settled && draw.chance(0.3) ? 0L : draw.chance(0.1) ? draw.between(1L, 999L)
                    : draw.between(1_000L, 20 * DAY);
            at = at.plusMillis(delay);
            String target = draw.pick(keys);
            int action = draw.between(0, 11);
            if (action >= 9) {
                attributes = changed(draw, attributes);
                events.add(new DealAttributesChangedEvent(id, pipeline, attributes, at));
                continue;
            }
            if (!open) {
                events.add(new DealReopenedEvent(id, pipeline, target, at));
                stage = target;
                open = true;
            } else if (action <= 4) {
                if (target.equals(stage)) {
                    continue;
                }
                events.add(new DealMovedToStageEvent(id, pipeline, stage, target, at));
                stage = target;
            } else if (action <= 6) {
                events.add(new DealWonEvent(id, pipeline, stage, at));
                open = false;
            } else {
                events.add(new DealLostEvent(id, pipeline, stage, "lost", at));
                open = false;
            }
            if (open && keptSince == null && version.positionOf(stage) != AnalyticVersion.ABSORBED) {
                keptSince = at;
            }
        }
        return events;
    }

    /** An attribute change: the amount revised up or down or taken away, the currency changed, the date moved. */
    private static DealAttributes changed(Draw draw, DealAttributes was) {
        BigDecimal amount = was.amount();
        int what = draw.between(0, 5);
        if (what <= 1) {
            amount = BigDecimal.valueOf(draw.between(0, 5_000_000), 2);
        } else if (what == 2) {
            amount = draw.chance(0.5) ? null : BigDecimal.valueOf(draw.between(0, 5_000_000), 2);
        }
        String currency = what == 3 ? draw.pick(CURRENCIES) : was.currency();
        LocalDate date = was.expectedCloseDate();
        if (what >= 4 || draw.chance(0.3)) {
            date = draw.chance(0.1) ? null : (date == null ? LocalDate.of(2025, 3, 1) : date)
                    .plusDays(draw.between(-30, 45));
        }
        return new DealAttributes(was.owner(), null, null, amount, currency, date);
    }
}
