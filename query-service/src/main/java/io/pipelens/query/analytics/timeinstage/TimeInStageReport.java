package io.pipelens.query.analytics.timeinstage;

import java.time.Instant;
import java.util.List;

/**
 * Time in stage under one pipeline version.
 *
 * @param asOf  the time open first visits are censored at
 * @param deals deals selected by the population and slice
 */
public record TimeInStageReport(int version, TimeMode mode, Instant asOf, int deals, List<StageTimes> stages) {
}
