package io.pipelens.launcher.concurrency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plain oracle over the deal events in the store, written from design §7 without any query-service code: each deal
 * becomes visits, and the funnel counts and cumulative time in stage follow from them. Stages are the pipeline's
 * version 1 stages in order; no stage is absorbed.
 */
final class StoredDeals {

    /** One stored deal event, in the deal's sequence order. */
    record Change(String kind, String stage, Instant at) {
    }

    private record Visit(String stage, Instant entered, Instant exited) {
    }

    private record Deal(List<Visit> visits, String status, String stage) {
    }

    /** The funnel figures of one stage, as the query service reports them. */
    record StageCounts(String key, int reached, int visited, int skipped, int openAt, int lostAt, int wonFrom) {
    }

    /** The cumulative time in one stage: deals with a closed visit, their mean and largest total, in seconds. */
    record StageTime(String key, int count, Double meanSeconds, Double maxSeconds) {
    }

    private final List<String> stages;
    private final Map<String, Deal> deals = new TreeMap<>();

    StoredDeals(List<String> stages, Map<String, List<Change>> histories) {
        this.stages = stages;
        histories.forEach((id, changes) -> deals.put(id, fold(changes)));
    }

    private static Deal fold(List<Change> changes) {
        List<Visit> visits = new ArrayList<>();
        String status = "OPEN";
        String stage = null;
        Instant entered = null;
        for (Change change : changes) {
            switch (change.kind()) {
                case "opened", "reopened" -> {
                    stage = change.stage();
                    entered = change.at();
                    status = "OPEN";
                }
                case "moved" -> {
                    visits.add(new Visit(stage, entered, change.at()));
                    stage = change.stage();
                    entered = change.at();
                }
                case "won", "lost" -> {
                    visits.add(new Visit(stage, entered, change.at()));
                    entered = null;
                    status = change.kind().toUpperCase(java.util.Locale.ROOT);
                }
                default -> throw new IllegalArgumentException(change.kind());
            }
        }
        if (entered != null) {
            visits.add(new Visit(stage, entered, null));
        }
        return new Deal(visits, status, stage);
    }

    int count(String status) {
        return (int) deals.values().stream().filter(d -> d.status().equals(status)).count();
    }

    List<StageCounts> funnel() {
        List<StageCounts> funnel = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            String key = stages.get(k);
            int reached = 0;
            int visited = 0;
            int skipped = 0;
            int openAt = 0;
            int lostAt = 0;
            int wonFrom = 0;
            for (Deal deal : deals.values()) {
                int highest = deal.visits().stream().mapToInt(v -> stages.indexOf(v.stage())).max().orElse(-1);
                boolean wasThere = deal.visits().stream().anyMatch(v -> v.stage().equals(key));
                reached += highest >= k ? 1 : 0;
                visited += wasThere ? 1 : 0;
                skipped += highest > k && !wasThere ? 1 : 0;
                if (key.equals(deal.stage())) {
                    openAt += deal.status().equals("OPEN") ? 1 : 0;
                    lostAt += deal.status().equals("LOST") ? 1 : 0;
                    wonFrom += deal.status().equals("WON") ? 1 : 0;
                }
            }
            funnel.add(new StageCounts(key, reached, visited, skipped, openAt, lostAt, wonFrom));
        }
        return funnel;
    }

    List<StageTime> cumulativeTimeInStage() {
        List<StageTime> times = new ArrayList<>();
        for (String key : stages) {
            List<Long> totals = new ArrayList<>();
            for (Deal deal : deals.values()) {
                List<Visit> closed = deal.visits().stream()
                        .filter(v -> v.stage().equals(key) && v.exited() != null).toList();
                if (!closed.isEmpty()) {
                    totals.add(closed.stream().mapToLong(v -> Duration.between(v.entered(), v.exited())
                            .getSeconds()).sum());
                }
            }
            times.add(new StageTime(key, totals.size(),
                    totals.isEmpty() ? null : totals.stream().mapToLong(Long::longValue).average().orElseThrow(),
                    totals.isEmpty() ? null : (double) totals.stream().mapToLong(Long::longValue).max().orElseThrow()));
        }
        return times;
    }

    static Map<String, List<Change>> emptyHistories(Set<String> ids) {
        Map<String, List<Change>> histories = new HashMap<>();
        ids.forEach(id -> histories.put(id, new ArrayList<>()));
        return histories;
    }
}
