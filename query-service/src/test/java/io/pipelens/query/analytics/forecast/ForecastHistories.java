package io.pipelens.query.analytics.forecast;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.oracle.ForecastOracle;
import io.pipelens.query.analytics.oracle.Oracle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded histories for the forecast: a year and a half of deals whose chances fall with age in stage, with skips,
 * moves back, wins and losses from any stage, reopenings, amount and currency changes, events at the millisecond of
 * a weekly grid instant and several events in one millisecond; in some, the last stage is used only from the last
 * week before asOf on, so its states and those that lead to it have null probabilities. The pipeline is either version 1 over the recorded
 * keys or a version 2 that maps one key onto another stage and absorbs one. Deals open in any key: one opened in the
 * absorbed key is open in no stage until it moves on (DESIGN §10.1), some close or stay there for good. The
 * simulation's scenarios, which check the chain's arithmetic alone, open deals only in keys that map to a stage.
 */
final class ForecastHistories {

    static final long DAY = ForecastOracle.DAY;
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    record Scenario(List<StageDefinition> stages, List<StageMapping> mapping, List<List<DealEvent>> deals,
                    Instant asOf) {

        AnalyticVersion version() {
            return AnalyticVersion.of(mapping.isEmpty() ? 1 : 2, stages, mapping);
        }

        AnalyticIndex index() {
            AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, version());
            for (List<DealEvent> deal : deals) {
                index.upsert(DealHistory.fold(deal));
            }
            return index;
        }

        ForecastOracle oracle() {
            return new ForecastOracle(new Oracle(stages, mapping), stages.size());
        }
    }

    private ForecastHistories() {
    }

    static Scenario scenario(long seed, int deals) {
        return scenario(seed, deals, true);
    }

    static Scenario scenario(long seed, int deals, boolean openInAbsorbed) {
        SplittableRandom random = new SplittableRandom(seed);
        int keyCount = random.nextInt(4, 7);
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= keyCount; i++) {
            keys.add("r" + i);
        }
        List<StageDefinition> stages;
        List<StageMapping> mapping = new ArrayList<>();
        List<String> openable = new ArrayList<>(keys);
        if (random.nextBoolean()) {
            stages = Pipelines.stages(keys.toArray(String[]::new));
        } else {
            // r2 is absorbed, r3 maps onto r4's stage; the others keep their own stage
            mapping.add(StageMapping.absorbed("r2"));
            mapping.add(StageMapping.to("r3", "r4"));
            List<String> kept = new ArrayList<>(keys);
            kept.remove("r2");
            kept.remove("r3");
            stages = Pipelines.stages(kept.toArray(String[]::new));
            if (!openInAbsorbed) {
                openable.remove("r2");
            }
        }
        long asOf = START.toEpochMilli() + random.nextInt(400, 520) * DAY + (random.nextBoolean() ? 0
                : random.nextLong(DAY));
        // one scenario in three has a stage first used in the last week before asOf: no pair starts in it
        long lateFrom = random.nextInt(3) == 0 ? asOf - 6 * DAY : Long.MIN_VALUE;
        List<List<DealEvent>> histories = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            histories.add(history(random, "d" + i, keys, openable, asOf, lateFrom));
        }
        return new Scenario(stages, List.copyOf(mapping), histories, Instant.ofEpochMilli(asOf));
    }

    private static List<DealEvent> history(SplittableRandom random, String id, List<String> keys,
                                           List<String> openable, long asOf, long lateFrom) {
        String pipeline = DealHistory.PIPELINE;
        List<DealEvent> events = new ArrayList<>();
        long at = START.toEpochMilli() + random.nextLong(560 * DAY);
        String last = keys.get(keys.size() - 1);
        String stage = openable.get(random.nextInt(openable.size()));
        if (stage.equals(last) && at < lateFrom) {
            stage = keys.get(0);
        }
        events.add(new DealOpenedEvent(id, pipeline, stage, attributes(random), Instant.ofEpochMilli(at)));
        long entered = at;
        boolean open = true;
        int steps = random.nextInt(1, 12);
        for (int s = 0; s < steps; s++) {
            at += delay(random, at, asOf);
            Instant when = Instant.ofEpochMilli(at);
            if (!open) {
                if (random.nextInt(4) > 0) {
                    break;
                }
                stage = keys.get(random.nextInt(keys.size()));
                if (stage.equals(last) && at < lateFrom) {
                    stage = keys.get(0);
                }
                events.add(new DealReopenedEvent(id, pipeline, stage, when));
                open = true;
                entered = at;
                continue;
            }
            int age = (int) ((at - entered) / DAY);
            int roll = random.nextInt(100);
            if (roll < 8) {
                events.add(new DealAttributesChangedEvent(id, pipeline, attributes(random), when));
            } else if (roll < 55 - Math.min(30, age / 4)) {
                int index = keys.indexOf(stage);
                int next = random.nextInt(5) == 0 ? random.nextInt(keys.size())
                        : Math.min(keys.size() - 1, index + 1 + (random.nextInt(6) == 0 ? 1 : 0));
                if (next == keys.size() - 1 && at < lateFrom) {
                    next = 0;
                } else if (lateFrom != Long.MIN_VALUE && at >= lateFrom && at <= asOf && random.nextBoolean()) {
                    next = keys.size() - 1;
                }
                if (next != index) {
                    String from = stage;
                    stage = keys.get(next);
                    events.add(new DealMovedToStageEvent(id, pipeline, from, stage, when));
                    entered = at;
                }
            } else if (roll < 70) {
                events.add(new DealWonEvent(id, pipeline, stage, when));
                open = false;
            } else {
                events.add(new DealLostEvent(id, pipeline, stage, "lost", when));
                open = false;
            }
        }
        return events;
    }

    /** 0 ms one time in ten; to the next weekly grid instant before asOf one time in ten; else up to 60 days. */
    private static long delay(SplittableRandom random, long at, long asOf) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return 0;
        }
        if (kind == 1) {
            long week = 7 * DAY;
            long behind = Math.floorMod(asOf - at, week);
            return behind == 0 ? week : behind;
        }
        return random.nextLong(1, 60 * DAY);
    }

    private static DealAttributes attributes(SplittableRandom random) {
        if (random.nextInt(5) == 0) {
            return DealAttributes.NONE;
        }
        String currency = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "USD";
            default -> "EUR";
        };
        return new DealAttributes("ann", "web", "smb", BigDecimal.valueOf(random.nextLong(1, 10_000_00), 2),
                currency);
    }
}
