package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.audit.AuditReport;
import io.pipelens.query.audit.PipelineAudit;
import io.pipelens.query.audit.PipelineAuditQueries.AuditAnswer;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Stage discovery over GraphQL ({@code analytics/discovery.graphqls}): the sample is chosen on the analytic index of
 * the newest ready version, whose deals carry their raw steps, and the draft is audited as
 * {@code auditStages} audits stages.
 */
@Controller
public class DiscoveryQueries {

    private final AnalyticsRequests requests;

    public DiscoveryQueries(AnalyticsRequests requests) {
        this.requests = requests;
    }

    @QueryMapping
    public DiscoveryAnswer discoverStages(@Argument String pipelineId, @Argument Integer last,
                                          @Argument DiscoveryBasis basis, @Argument String reachedStage,
                                          @Argument Double minCoverage, @Argument Instant asOf) {
        DiscoveryQuestion question = DiscoveryQuestion.of(last, basis, reachedStage, minCoverage);
        question.check();
        AnalyticsRequest request = requests.request(pipelineId, null, null, null, asOf);
        DiscoveryReport report = StageDiscovery.compute(request.version(), request.deals(), question);
        return DiscoveryAnswer.of(request.context(report.sampleSize(), report.sampleSize() == 0
                ? "no closed deal of the pipeline is in the basis" : null), question, report, audit(report.draft()));
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
