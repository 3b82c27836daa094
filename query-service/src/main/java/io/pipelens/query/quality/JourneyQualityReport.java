package io.pipelens.query.quality;

import java.util.List;

/**
 * The journey half of the data-quality report (docs/metrics.md, "Data quality"), under one pipeline version.
 *
 * @param version            the pipeline version the paths were read under
 * @param deals              deals selected
 * @param startedMidPipeline deals whose first stage is not the version's first stage
 * @param backwardMoves      moves to a stage earlier than the one left
 * @param reopenings         reopenings, after time spent closed or at the millisecond of the closing
 * @param firstStages        the selected deals by the stage they start at, one entry per stage of the version
 */
public record JourneyQualityReport(int version, int deals, QualityCategory startedMidPipeline,
                                   QualityCategory backwardMoves, QualityCategory reopenings,
                                   List<FirstStage> firstStages) {

    public JourneyQualityReport {
        firstStages = List.copyOf(firstStages);
    }
}
