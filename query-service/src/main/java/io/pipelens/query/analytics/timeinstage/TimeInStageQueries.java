package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.AnalyticsRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Time in stage (DESIGN §7) over GraphQL ({@code analytics/timeinstage.graphqls}). */
@Controller
public class TimeInStageQueries {

    @QueryMapping
    public TimeInStageAnswer timeInStage(AnalyticsRequest request, @Argument TimeMode mode) {
        TimeInStageReport report = TimeInStage.compute(request.version(), request.deals(), request.population(), request.slice(), mode,
                request.asOf());
        return new TimeInStageAnswer(request.context(report.deals()), report.mode(), report.asOf(), report.stages());
    }
}
