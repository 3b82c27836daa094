package io.pipelens.query.quality;

import java.util.List;

/**
 * One kind of data-quality finding over the selected deals.
 *
 * @param deals  deals with at least one such finding
 * @param events findings in all: for a deal-level finding (started mid-pipeline) equal to {@code deals}
 * @param sample the smallest deal ids with the finding, in ascending order, at most the sample size asked for; the
 *               same question always gives the same sample, so an analyst can come back to it
 */
public record QualityCategory(int deals, int events, List<String> sample) {

    public QualityCategory {
        sample = List.copyOf(sample);
    }
}
