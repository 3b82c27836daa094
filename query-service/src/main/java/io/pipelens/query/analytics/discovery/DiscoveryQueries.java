package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.audit.AuditReport;
import io.pipelens.query.audit.PipelineAudit;
import io.pipelens.query.audit.PipelineAuditQueries.AuditAnswer;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.deal.Visit;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Stage discovery over GraphQL ({@code analytics/discovery.graphqls}): the sample is chosen on the analytic index of
 * the newest ready version, the raw steps are read from the stored journeys, and the draft is audited as
 * {@code auditStages} audits stages.
 */
@Controller
public class DiscoveryQueries {

    private final AnalyticsRequests requests;
    private final JourneyStore journeys;
    private final MongoTemplate mongo;

    public DiscoveryQueries(AnalyticsRequests requests, JourneyStore journeys, MongoTemplate mongo) {
        this.requests = requests;
        this.journeys = journeys;
        this.mongo = mongo;
    }

    @QueryMapping
    public DiscoveryAnswer discoverStages(@Argument String pipelineId, @Argument Integer last,
                                          @Argument DiscoveryBasis basis, @Argument String reachedStage,
                                          @Argument Double minCoverage, @Argument Instant asOf) {
        DiscoveryQuestion question = DiscoveryQuestion.of(last, basis, reachedStage, minCoverage);
        question.check();
        AnalyticsRequest request = requests.request(pipelineId, null, null, null, asOf);
        DiscoveryReport report = StageDiscovery.compute(request.version(), request.deals(), question,
                dealIds -> rawSteps(dealIds, request.asOf()));
        return DiscoveryAnswer.of(request.context(report.sampleSize(), report.sampleSize() == 0
                ? "no closed deal of the pipeline is in the basis" : null), question, report, audit(report.draft()));
    }

    /** The deals' raw stage keys, of the visits begun at or before {@code asOf}. */
    private Map<String, List<String>> rawSteps(Collection<String> dealIds, Instant asOf) {
        List<DealJourney> found = journeys.read(() -> mongo.find(Query.query(Criteria.where("_id").in(dealIds)).cursorBatchSize(JourneyStore.READ_BATCH),
                DealJourney.class));
        return found.stream().collect(Collectors.toMap(DealJourney::id, journey -> journey.visits().stream()
                .filter(visit -> !visit.enteredAt().isAfter(asOf)).map(Visit::stage).toList()));
    }

    /** The draft's audit, as auditStages gives it; null when the draft is empty or no pipeline could hold it. */
    static AuditAnswer audit(List<StageDefinition> draft) {
        List<Violation> violations = new PipelineDefinition(draft).validate("draft");
        if (draft.isEmpty() || !violations.isEmpty()) {
            return null;
        }
        AuditReport report = PipelineAudit.audit(draft);
        return new AuditAnswer(null, null, null, report.verdict(), report.summary(), report.stages(),
                report.qualification(), report.findings());
    }
}
