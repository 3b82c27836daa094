package io.pipelens.query.quality;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.SliceInput;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The data-quality report over GraphQL: odd deal histories under a pipeline version (from the analytic index the
 * other analytics use) and the pipeline's recorded imports (from {@code deal_log_imports}). Arguments are checked
 * before anything is read.
 */
@Controller
public class DataQualityQueries {

    private final AnalyticsRequests requests;
    private final MongoTemplate mongo;

    public DataQualityQueries(AnalyticsRequests requests, MongoTemplate mongo) {
        this.requests = requests;
        this.mongo = mongo;
    }

    @QueryMapping
    public DataQualityAnswer dataQuality(@Argument String pipelineId, @Argument Integer version,
                                         @Argument PopulationInput population, @Argument SliceInput filter,
                                         @Argument int sampleSize, @Argument int recentImports,
                                         @Argument Instant asOf) {
        if (sampleSize < 0 || sampleSize > JourneyQuality.MAX_SAMPLE) {
            throw new ViolationException("sampleSize", "must be between 0 and " + JourneyQuality.MAX_SAMPLE
                    + ", was " + sampleSize);
        }
        if (recentImports < 0 || recentImports > ImportSummaryView.MAX_RECENT) {
            throw new ViolationException("recentImports", "must be between 0 and " + ImportSummaryView.MAX_RECENT
                    + ", was " + recentImports);
        }
        AnalyticsRequest request = requests.request(pipelineId, version, population, filter, asOf);
        JourneyQualityReport report = JourneyQuality.of(request.deals(), request.version(), request.population(),
                request.slice(), sampleSize);
        // A full scan on the embedded server, which ignores secondary indexes; imports are one document per file.
        List<DealLogImportView> imports = mongo.find(Query.query(Criteria.where("pipelineId").is(pipelineId)),
                DealLogImportView.class);
        AnswerContext context = request.context(report.deals(),
                report.deals() == 0 ? "no deal of the pipeline is selected by the population and filter" : null);
        return new DataQualityAnswer(context, report.startedMidPipeline(), report.backwardMoves(),
                report.reopenings(), report.firstStages(), ImportSummaryView.of(imports, recentImports));
    }

    /** The report as GraphQL gives it. */
    public record DataQualityAnswer(AnswerContext context, QualityCategory startedMidPipeline,
                                    QualityCategory backwardMoves, QualityCategory reopenings,
                                    List<FirstStage> firstStages, ImportSummaryView imports) {
    }
}
