package io.pipelens.query.analytics.discovery;

import static io.pipelens.query.analytics.DealHistory.deal;

import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.deal.DealJourney;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded histories of raw activities under a version that maps them onto four goal stages: revisits, skipped steps,
 * reopenings, and closes on whole days so that many deals close at the same instant.
 */
final class DiscoveryHistories {

    /** Raw key → the position of the goal stage it maps to. */
    static final Map<String, Integer> POSITIONS = new LinkedHashMap<>();
    static final AnalyticVersion VERSION;

    static {
        POSITIONS.put("call", 1);
        POSITIONS.put("contact", 1);
        POSITIONS.put("meeting", 2);
        POSITIONS.put("demo", 2);
        POSITIONS.put("qualification", 2);
        POSITIONS.put("proposal", 3);
        POSITIONS.put("negotiation", 3);
        POSITIONS.put("contract", 4);
        VERSION = Pipelines.version(2, Pipelines.stages("contact", "qualification", "terms", "contract"),
                StageMapping.to("call", "contact"), StageMapping.to("meeting", "qualification"),
                StageMapping.to("demo", "qualification"), StageMapping.to("proposal", "terms"),
                StageMapping.to("negotiation", "terms"));
    }

    private DiscoveryHistories() {
    }

    static List<DealJourney> generate(long seed, int deals) {
        return histories(seed, deals).stream().map(DealHistory::journey).toList();
    }

    /** The deals {@link #generate(long, int)} folds into journeys, as their events. */
    static List<DealHistory> histories(long seed, int deals) {
        Random random = new Random(seed);
        List<String> keys = List.copyOf(POSITIONS.keySet());
        List<DealHistory> journeys = new ArrayList<>();
        for (int d = 0; d < deals; d++) {
            // Ids not in creation order, so the id tie-break is exercised.
            DealHistory deal = deal("deal-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + d);
            double at = random.nextInt(60);
            String stage = keys.get(random.nextInt(keys.size()));
            deal.openedAt(stage, at);
            int moves = random.nextInt(7);
            for (int m = 0; m < moves; m++) {
                String next = keys.get(random.nextInt(keys.size()));
                if (!next.equals(stage)) {
                    at += random.nextInt(3) * 0.5;
                    deal.movedTo(next, at);
                    stage = next;
                }
            }
            int end = random.nextInt(10);
            if (end < 8) {
                at = Math.floor(at) + 1 + random.nextInt(3);
                if (end < 4) {
                    deal.wonAt(at);
                } else {
                    deal.lostAt(at);
                }
                if (random.nextInt(8) == 0) {
                    String into = keys.get(random.nextInt(keys.size()));
                    deal.reopenedInto(into, at + 1);
                    deal.wonAt(Math.floor(at) + 2 + random.nextInt(2));
                }
            }
            journeys.add(deal);
        }
        return journeys;
    }

    static AnalyticIndex index(List<DealJourney> journeys) {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, VERSION);
        index.upsertAll(journeys);
        return index;
    }

    /** The raw steps of the asked deals, as the controller reads them from the stored journeys. */
    static Function<Collection<String>, Map<String, List<String>>> rawSteps(List<DealJourney> journeys) {
        return ids -> {
            Map<String, List<String>> steps = new LinkedHashMap<>();
            for (DealJourney journey : journeys) {
                if (ids.contains(journey.id())) {
                    steps.put(journey.id(), journey.visits().stream().map(visit -> visit.stage()).toList());
                }
            }
            return steps;
        };
    }
}
