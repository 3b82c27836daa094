package io.pipelens.query.analytics.skipimpact;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random deal histories for the adjusted skip impact, one scenario per seed: owners, sources and segments (each
 * sometimes missing), amounts in two currencies (sometimes none, sometimes without a currency, often tied on round
 * values), openings over nine quarters (some exactly at a quarter's first or last millisecond), paths that start
 * anywhere, skip, go back, close, reopen and change attributes. One owner loses more than the others, so that the
 * strata differ, and skipping the second stage loses more, so that some tests reject.
 */
final class StratifiedHistories {

    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final String[] OWNERS = {"ann", "bob", "cy", null};
    private static final String[] SOURCES = {"web", "referral", null};
    private static final String[] SEGMENTS = {"smb", "enterprise", null};
    private static final String[] CURRENCIES = {"EUR", "USD", "USD", null};

    private final SplittableRandom random;

    private StratifiedHistories(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** What is asked of one scenario. */
    record Scenario(List<String> stages, List<List<DealEvent>> histories, Population population, Slice slice,
                    List<AdjustFor> adjustFor) {
    }

    static Scenario scenario(long seed) {
        return new StratifiedHistories(seed).draw();
    }

    private Scenario draw() {
        List<String> stages = new ArrayList<>();
        for (int i = 1; i <= between(3, 5); i++) {
            stages.add("s" + i);
        }
        List<List<DealEvent>> histories = new ArrayList<>();
        int deals = between(30, 400);
        for (int i = 0; i < deals; i++) {
            histories.add(history("d" + i, stages));
        }
        List<AdjustFor> adjustFor = new ArrayList<>();
        for (AdjustFor attribute : AdjustFor.values()) {
            if (chance(0.35)) {
                adjustFor.add(attribute);
            }
        }
        return new Scenario(stages, histories, population(), slice(), adjustFor);
    }

    private List<DealEvent> history(String id, List<String> stages) {
        String pipeline = Deals.PIPELINE;
        List<DealEvent> events = new ArrayList<>();
        DealAttributes attributes = attributes();
        Instant at = opening();
        String stage = stages.get(chance(0.6) ? 0 : between(0, stages.size() - 1));
        events.add(new DealOpenedEvent(id, pipeline, stage, attributes, at));
        List<String> visited = new ArrayList<>(List.of(stage));
        int closings = chance(0.1) ? 2 : 1;
        for (int closing = 0; closing < closings; closing++) {
            for (int move = between(0, 4); move > 0; move--) {
                at = later(at);
                if (chance(0.1)) {
                    attributes = attributes();
                    events.add(new DealAttributesChangedEvent(id, pipeline, attributes, at));
                    continue;
                }
                String target = stages.get(between(0, stages.size() - 1));
                if (!target.equals(stage)) {
                    events.add(new DealMovedToStageEvent(id, pipeline, stage, target, at));
                    stage = target;
                    visited.add(stage);
                }
            }
            if (chance(0.25)) {
                return events;
            }
            at = later(at);
            boolean skippedSecond = !visited.contains("s2") && visited.stream().anyMatch(key -> key.compareTo("s2") > 0);
            boolean lost = chance(("cy".equals(attributes.owner()) ? 0.5 : 0.25) + (skippedSecond ? 0.3 : 0));
            events.add(lost ? new DealLostEvent(id, pipeline, stage, "lost", at)
                    : new DealWonEvent(id, pipeline, stage, at));
            if (closing + 1 < closings) {
                at = later(at);
                stage = stages.get(between(0, stages.size() - 1));
                events.add(new DealReopenedEvent(id, pipeline, stage, at));
                visited.add(stage);
            }
        }
        return events;
    }

    private DealAttributes attributes() {
        String currency = pick(CURRENCIES);
        BigDecimal amount = null;
        if (chance(0.85)) {
            amount = chance(0.5) ? BigDecimal.valueOf(1000L * between(1, 12))
                    : BigDecimal.valueOf(random.nextLong(0, 5_000_000), 2);
        }
        return new DealAttributes(pick(OWNERS), pick(SOURCES), pick(SEGMENTS), amount, currency);
    }

    /** Over nine quarters; one in ten exactly at a quarter's first millisecond or the one before it. */
    private Instant opening() {
        if (chance(0.1)) {
            Instant quarter = Instant.parse(pick(new String[] {"2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z",
                "2025-01-01T00:00:00Z", "2025-10-01T00:00:00Z"}));
            return chance(0.5) ? quarter : quarter.minusMillis(1);
        }
        return BASE.plusMillis(random.nextLong(0, 800 * DAY));
    }

    private Instant later(Instant at) {
        return at.plusMillis(random.nextLong(HOUR, 10 * DAY));
    }

    private Population population() {
        if (chance(0.7)) {
            return Population.ALL;
        }
        Instant from = BASE.plusMillis(random.nextLong(0, 300 * DAY));
        Instant to = from.plusMillis(random.nextLong(DAY, 500 * DAY));
        return chance(0.5) ? Population.opened(from, to) : Population.closed(from, to);
    }

    private Slice slice() {
        return chance(0.8) ? Slice.ALL : new Slice(chance(0.5) ? "ann" : null, null, chance(0.5) ? "smb" : null);
    }

    private int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
