package io.pipelens.query.quality;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Selection;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts what looks odd in deal histories, read from the paths the analytic index already holds for a version: one
 * pass over the deals, O(visits) per deal, no extra storage.
 *
 * <p>On a path, a visit begins with a reopening or a move ({@link VersionedJourney#beganWithReopening(int)}): a
 * reopening after time spent closed, or at the millisecond of the closing, is a reopening into whichever stage, never
 * a backward move. Moves into or out of absorbed stages, and between keys mapped to one stage, are merged away before
 * this sees them.
 */
public final class JourneyQuality {

    /** The largest sample of deal ids a category may carry. */
    public static final int MAX_SAMPLE = 100;

    private JourneyQuality() {
    }

    /**
     * @param deals      the deals of one version, as {@link io.pipelens.query.analytics.AnalyticIndex#deals()} gives
     * @param sampleSize how many deal ids each category names, 0 to {@link #MAX_SAMPLE}
     */
    public static JourneyQualityReport of(Iterable<VersionedJourney> deals, AnalyticVersion version,
                                          Population population, Slice slice, int sampleSize) {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
            throw new IllegalArgumentException("sample size must be between 0 and " + MAX_SAMPLE + ", was "
                    + sampleSize);
        }
        Tally midPipeline = new Tally(sampleSize);
        Tally backward = new Tally(sampleSize);
        Tally reopened = new Tally(sampleSize);
        int[] starts = new int[version.stageCount() + 1];
        int selected = Selection.forEach(deals, population, slice, deal -> {
            if (deal.visitCount() == 0) {
                // in no stage of the version (every visit absorbed): no first stage, move or reopening to report
                return;
            }
            int first = deal.stageAt(0);
            starts[first]++;
            if (first != 1) {
                midPipeline.add(deal.dealId(), 1);
            }
            int backwardMoves = 0;
            int reopenings = 0;
            for (int i = 1; i < deal.visitCount(); i++) {
                if (deal.beganWithReopening(i)) {
                    reopenings++;
                } else if (deal.stageAt(i) < deal.stageAt(i - 1)) {
                    backwardMoves++;
                }
            }
            backward.add(deal.dealId(), backwardMoves);
            reopened.add(deal.dealId(), reopenings);
        });
        List<FirstStage> firstStages = new ArrayList<>();
        for (int position = 1; position <= version.stageCount(); position++) {
            firstStages.add(new FirstStage(position, version.key(position), starts[position]));
        }
        return new JourneyQualityReport(version.number(), selected, midPipeline.category(), backward.category(),
                reopened.category(), firstStages);
    }

    /** Deals and findings of one category, and the smallest ids seen so far. */
    private static final class Tally {

        private final int sampleSize;
        private final TreeSet<String> sample = new TreeSet<>();
        private int deals;
        private int events;

        Tally(int sampleSize) {
            this.sampleSize = sampleSize;
        }

        void add(String dealId, int findings) {
            if (findings == 0) {
                return;
            }
            deals++;
            events += findings;
            if (sample.size() < sampleSize) {
                sample.add(dealId);
            } else if (sampleSize > 0 && dealId.compareTo(sample.last()) < 0) {
                sample.pollLast();
                sample.add(dealId);
            }
        }

        QualityCategory category() {
            return new QualityCategory(deals, events, List.copyOf(sample));
        }
    }
}
