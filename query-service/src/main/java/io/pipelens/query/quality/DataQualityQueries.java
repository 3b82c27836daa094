package io.pipelens.query.quality;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.analytics.AnswerContext;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.PopulationInput;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.SliceInput;
import io.pipelens.query.deal.JourneyStore;
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

    private final AnalyticsRegistry registry;
    private final JourneyStore journeys;
    private final MongoTemplate mongo;

    public DataQualityQueries(AnalyticsRegistry registry, JourneyStore journeys, MongoTemplate mongo) {
        this.registry = registry;
        this.journeys = journeys;
        this.mongo = mongo;
    }

    @QueryMapping
    public DataQualityAnswer dataQuality(@Argument String pipelineId, @Argument Integer version,
                                         @Argument PopulationInput population, @Argument SliceInput filter,
                                         @Argument int sampleSize, @Argument int recentImports) {
        if (sampleSize < 0 || sampleSize > JourneyQuality.MAX_SAMPLE) {
            throw new ViolationException("sampleSize", "must be between 0 and " + JourneyQuality.MAX_SAMPLE
                    + ", was " + sampleSize);
        }
        if (recentImports < 0 || recentImports > ImportSummaryView.MAX_RECENT) {
            throw new ViolationException("recentImports", "must be between 0 and " + ImportSummaryView.MAX_RECENT
                    + ", was " + recentImports);
        }
        Population chosen = population(population);
        Slice slice = filter == null ? Slice.ALL : new Slice(filter.owner(), filter.source(), filter.segment());
        JourneyStore.Replay replay = journeys.replay();
        AnalyticsRegistry.Selected selected = journeys.read(() -> registry.select(pipelineId, version));
        AnalyticIndex index = selected.index();
        JourneyQualityReport report = JourneyQuality.of(index.deals(), index.version(), chosen, slice, sampleSize);
        // A full scan on the embedded server, which ignores secondary indexes; imports are one document per file.
        List<DealLogImportView> imports = mongo.find(Query.query(Criteria.where("pipelineId").is(pipelineId)),
                DealLogImportView.class);
        AnswerContext context = AnswerContext.of(pipelineId, selected, chosen, slice, report.deals(),
                report.deals() == 0 ? "no deal of the pipeline is selected by the population and filter" : null,
                replay, Instant.now());
        return new DataQualityAnswer(context, report.startedMidPipeline(), report.backwardMoves(),
                report.reopenings(), report.firstStages(), ImportSummaryView.of(imports, recentImports));
    }

    private static Population population(PopulationInput input) {
        if (input == null) {
            return Population.ALL;
        }
        try {
            return new Population(input.basis() == null ? Population.Basis.ALL : input.basis(), input.from(),
                    input.to());
        } catch (IllegalArgumentException e) {
            throw new ViolationException("population", e.getMessage());
        }
    }

    /** The report as GraphQL gives it. */
    public record DataQualityAnswer(AnswerContext context, QualityCategory startedMidPipeline,
                                    QualityCategory backwardMoves, QualityCategory reopenings,
                                    List<FirstStage> firstStages, ImportSummaryView imports) {
    }
}
