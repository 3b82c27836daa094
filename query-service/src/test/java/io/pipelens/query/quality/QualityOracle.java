package io.pipelens.query.quality;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately plain computation of the deal figures of docs/metrics.md §8, straight from deal events and a
 * pipeline version. It builds no visits and shares no code with {@link JourneyQuality}: it resolves each event's
 * stage key, gives an absorbed key its neighbour's stage, and then reads each opening, move and reopening as the
 * definitions word it.
 */
final class QualityOracle {

    private final List<StageDefinition> stages;
    private final List<StageMapping> mapping;

    QualityOracle(List<StageDefinition> stages, List<StageMapping> mapping) {
        this.stages = stages;
        this.mapping = mapping;
    }

    /** What one deal shows: the position it starts at, its backward moves and its reopenings. */
    record DealFindings(String id, int firstPosition, int backwardMoves, int reopenings) {
    }

    record Category(int deals, int events, List<String> sample) {
    }

    record Report(int deals, Category startedMidPipeline, Category backwardMoves, Category reopenings,
                  List<Integer> firstStages) {
    }

    /** Recorded key → position 1..n, or 0 when the version absorbs it or does not know it. */
    private int position(String key) {
        for (StageMapping entry : mapping) {
            if (entry.from().equals(key)) {
                return entry.absorbed() ? 0 : indexOf(entry.to());
            }
        }
        return indexOf(key);
    }

    private int indexOf(String key) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).key().equals(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The deal's findings; none, at position 0, when every stage it entered is absorbed (it is in no stage of the
     * version: a deal of the population with no path to find anything on).
     */
    DealFindings findings(List<DealEvent> events) {
        String id = null;
        List<String> keys = new ArrayList<>();
        List<Boolean> reopening = new ArrayList<>();
        for (DealEvent event : events) {
            if (event instanceof DealOpenedEvent opened) {
                id = opened.dealId();
                keys.add(opened.stage());
                reopening.add(false);
            } else if (event instanceof DealMovedToStageEvent moved) {
                keys.add(moved.toStage());
                reopening.add(false);
            } else if (event instanceof DealReopenedEvent reopened) {
                keys.add(reopened.stage());
                reopening.add(true);
            }
        }
        int[] resolved = new int[keys.size()];
        boolean anyStage = false;
        for (int i = 0; i < keys.size(); i++) {
            resolved[i] = position(keys.get(i));
            anyStage |= resolved[i] != 0;
        }
        if (!anyStage) {
            return new DealFindings(id, 0, 0, 0);
        }
        int[] stageOf = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            int stage = 0;
            for (int j = i; j >= 0 && stage == 0; j--) {
                stage = resolved[j];
            }
            for (int j = i + 1; j < keys.size() && stage == 0; j++) {
                stage = resolved[j];
            }
            stageOf[i] = stage;
        }
        int backward = 0;
        int reopenings = 0;
        for (int i = 1; i < keys.size(); i++) {
            if (reopening.get(i)) {
                reopenings++;
            } else if (stageOf[i] < stageOf[i - 1]) {
                backward++;
            }
        }
        return new DealFindings(id, stageOf[0], backward, reopenings);
    }

    /** The report over the deals whose ids are in {@code selected}. */
    Report report(List<List<DealEvent>> histories, Set<String> selected, int sampleSize) {
        List<DealFindings> deals = new ArrayList<>();
        for (List<DealEvent> history : histories) {
            DealFindings findings = findings(history);
            if (selected.contains(findings.id())) {
                deals.add(findings);
            }
        }
        List<Integer> firstStages = new ArrayList<>();
        for (int position = 1; position <= stages.size(); position++) {
            int count = 0;
            for (DealFindings deal : deals) {
                if (deal.firstPosition() == position) {
                    count++;
                }
            }
            firstStages.add(count);
        }
        List<DealFindings> midPipeline = new ArrayList<>();
        List<DealFindings> backward = new ArrayList<>();
        List<DealFindings> reopened = new ArrayList<>();
        int backwardMoves = 0;
        int reopenings = 0;
        for (DealFindings deal : deals) {
            if (deal.firstPosition() > 1) {
                midPipeline.add(deal);
            }
            if (deal.backwardMoves() > 0) {
                backward.add(deal);
                backwardMoves += deal.backwardMoves();
            }
            if (deal.reopenings() > 0) {
                reopened.add(deal);
                reopenings += deal.reopenings();
            }
        }
        return new Report(deals.size(), category(midPipeline, midPipeline.size(), sampleSize),
                category(backward, backwardMoves, sampleSize), category(reopened, reopenings, sampleSize),
                firstStages);
    }

    private static Category category(List<DealFindings> deals, int events, int sampleSize) {
        TreeSet<String> ids = new TreeSet<>();
        deals.forEach(deal -> ids.add(deal.id()));
        return new Category(deals.size(), events, ids.stream().limit(sampleSize).toList());
    }
}
