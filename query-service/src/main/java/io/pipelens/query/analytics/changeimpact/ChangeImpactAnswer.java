package io.pipelens.query.analytics.changeimpact;

import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.Interval;
import java.time.Instant;

/** The GraphQL type {@code ChangeImpact}. */
public record ChangeImpactAnswer(AnswerContext context, Instant at, int horizonDays, int windowDays, Cohort before,
                                 Cohort after, Double winRateDifference, Interval winRateDifferenceCi,
                                 Double fisherP, String caveat) {

    static ChangeImpactAnswer of(AnswerContext context, ChangeImpactReport report) {
        return new ChangeImpactAnswer(context, report.at(), report.horizonDays(), report.windowDays(),
                report.before(), report.after(), report.winRateDifference(), report.winRateDifferenceCi(),
                report.fisherP(), report.caveat());
    }
}
