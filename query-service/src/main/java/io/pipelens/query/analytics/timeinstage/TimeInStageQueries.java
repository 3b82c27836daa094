package io.pipelens.query.analytics.timeinstage;

import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Time in stage (DESIGN §7) over GraphQL ({@code analytics/timeinstage.graphqls}). */
@Controller
public class TimeInStageQueries {

    private final AnalyticsRequests requests;

    public TimeInStageQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    @QueryMapping
    public TimeInStageAnswer timeInStage(@Argument String pipelineId, @Argument Integer version,
                                         @Argument PopulationInput population, @Argument SliceInput filter,
                                         @Argument TimeMode mode, @Argument Instant asOf) {
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, asOf);
        TimeInStageReport report = TimeInStage.compute(request.index(), request.population(), request.slice(), mode,
                request.asOf());
        return new TimeInStageAnswer(request.context(report.deals()), report.mode(), report.asOf(), report.stages());
    }
}
