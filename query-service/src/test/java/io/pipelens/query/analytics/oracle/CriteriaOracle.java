package io.pipelens.query.analytics.oracle;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain implementation of DESIGN §9.1 (exit criteria compliance and impact), written apart from the engine: it reads
 * the deal events themselves, one recorded stay after another, and decides every exit from the stage keys as the
 * design words it, without the engine's paths, bit sets or packed exits.
 */
public final class CriteriaOracle {

    private final List<StageDefinition> stages;
    private final Oracle positions;

    public CriteriaOracle(List<StageDefinition> stages, List<StageMapping> mapping) {
        this.stages = stages;
        this.positions = new Oracle(stages, mapping);
    }

    /** One exit from a stage of the analysed version: its stage, and the confirmed keys when they count, else null. */
    record Exit(int stage, List<String> counted) {
    }

    public record Item(String key, int confirmed, int recorded, Oracle.Ci ci) {
    }

    public record Compliance(int forwardExits, int recorded, int fullyConfirmed, List<Item> items) {
    }

    /** Criteria impact rows: per stage the checklist's row, then one per item, in that order. */
    public record ImpactRow(int stage, String item, Oracle.SkipStage table) {
    }

    /** The forward exits of one deal's events, or null when every stay of it is absorbed. */
    List<Exit> forwardExits(List<DealEvent> events) {
        List<String> keys = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        List<List<String>> lists = new ArrayList<>();
        for (DealEvent event : events) {
            if (event instanceof DealOpenedEvent opened) {
                begin(keys, ends, lists, opened.stage());
            } else if (event instanceof DealMovedToStageEvent moved) {
                end(ends, lists, "move", moved.confirmedCriteria());
                begin(keys, ends, lists, moved.toStage());
            } else if (event instanceof DealWonEvent won) {
                end(ends, lists, "won", won.confirmedCriteria());
            } else if (event instanceof DealLostEvent) {
                end(ends, lists, "lost", null);
            } else if (event instanceof DealReopenedEvent reopening) {
                begin(keys, ends, lists, reopening.stage());
            }
        }
        int[] raw = new int[keys.size()];
        int[] resolved = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            raw[i] = positions.position(keys.get(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            // an absorbed stay belongs to the stage of the stay before it; a deal's first stays, to the stay after them
            for (int j = i; j >= 0 && resolved[i] == 0; j--) {
                resolved[i] = raw[j];
            }
            for (int j = i + 1; j < keys.size() && resolved[i] == 0; j++) {
                resolved[i] = raw[j];
            }
            if (resolved[i] == 0) {
                return null;
            }
        }
        List<Exit> exits = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean forward = "won".equals(ends.get(i)) || "move".equals(ends.get(i)) && resolved[i + 1] > resolved[i];
            if (forward) {
                exits.add(new Exit(resolved[i], raw[i] == 0 ? null : lists.get(i)));
            }
        }
        return exits;
    }

    private static void begin(List<String> keys, List<String> ends, List<List<String>> lists, String key) {
        keys.add(key);
        ends.add(null);
        lists.add(null);
    }

    private static void end(List<String> ends, List<List<String>> lists, String how, List<String> confirmed) {
        ends.set(ends.size() - 1, how);
        lists.set(lists.size() - 1, confirmed);
    }

    private List<String> itemKeys(int stage) {
        List<CriterionDefinition> items = stages.get(stage - 1).criteria();
        List<String> keys = new ArrayList<>();
        if (items != null) {
            for (CriterionDefinition item : items) {
                keys.add(item.key());
            }
        }
        return keys;
    }

    /** Compliance per stage (index 0 is stage 1) over the deals' histories. */
    public List<Compliance> compliance(List<List<DealEvent>> histories) {
        List<Compliance> result = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            List<String> items = itemKeys(k);
            int forward = 0;
            int recorded = 0;
            int full = 0;
            int[] confirmed = new int[items.size()];
            for (List<DealEvent> history : histories) {
                List<Exit> exits = forwardExits(history);
                for (Exit exit : exits == null ? List.<Exit>of() : exits) {
                    if (exit.stage() != k) {
                        continue;
                    }
                    forward++;
                    if (exit.counted() == null) {
                        continue;
                    }
                    recorded++;
                    if (exit.counted().containsAll(items)) {
                        full++;
                    }
                    for (int j = 0; j < items.size(); j++) {
                        if (exit.counted().contains(items.get(j))) {
                            confirmed[j]++;
                        }
                    }
                }
            }
            List<Item> rows = new ArrayList<>();
            for (int j = 0; j < items.size(); j++) {
                rows.add(new Item(items.get(j), confirmed[j], recorded, Oracle.wilson(confirmed[j], recorded)));
            }
            result.add(new Compliance(forward, recorded, full, rows));
        }
        return result;
    }

    /**
     * Impact rows over the closed deals among the histories, with q-values across all rows.
     *
     * @param statuses each history's deal status: "open", "won" or "lost"
     */
    public List<ImpactRow> impact(List<List<DealEvent>> histories, Map<List<DealEvent>, String> statuses) {
        List<ImpactRow> rows = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            List<String> items = itemKeys(k);
            List<String> names = new ArrayList<>();
            names.add(null);
            names.addAll(items);
            for (String name : names) {
                List<String> required = name == null ? items : List.of(name);
                Map<String, Integer> cells = new HashMap<>(Map.of("a", 0, "b", 0, "c", 0, "d", 0));
                for (List<DealEvent> history : histories) {
                    String status = statuses.get(history);
                    List<Exit> exits = forwardExits(history);
                    if ("open".equals(status) || exits == null) {
                        continue;
                    }
                    boolean anyRecorded = false;
                    boolean anyMissing = false;
                    for (Exit exit : exits) {
                        if (exit.stage() == k && exit.counted() != null) {
                            anyRecorded = true;
                            anyMissing |= !exit.counted().containsAll(required);
                        }
                    }
                    if (anyRecorded) {
                        String cell = anyMissing ? ("lost".equals(status) ? "a" : "b") : "lost".equals(status) ? "c"
                                : "d";
                        cells.merge(cell, 1, Integer::sum);
                    }
                }
                rows.add(new ImpactRow(k, name, Oracle.skipStage(cells.get("a"), cells.get("b"), cells.get("c"),
                        cells.get("d"))));
            }
        }
        List<Double> ps = new ArrayList<>();
        for (ImpactRow row : rows) {
            ps.add(row.table().p());
        }
        List<ImpactRow> withQ = new ArrayList<>();
        for (ImpactRow row : rows) {
            Oracle.SkipStage t = row.table();
            withQ.add(new ImpactRow(row.stage(), row.item(), new Oracle.SkipStage(t.a(), t.b(), t.c(), t.d(),
                    t.lostRateSkipped(), t.lostRateVisited(), t.riskDifference(), t.relativeRisk(), t.rrLower(),
                    t.rrUpper(), t.oddsRatio(), t.orLower(), t.orUpper(), t.p(), Oracle.benjaminiHochberg(ps, t.p()),
                    t.insufficientData())));
        }
        return withQ;
    }
}
