package io.pipelens.query.audit;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.pipeline.PipelineVersionView;
import io.pipelens.query.pipeline.PipelineView;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The pipeline audit over GraphQL, for a stored pipeline version or for stages passed inline. The only class of this
 * package that knows Spring or MongoDB: it finds the stages and hands them to {@link PipelineAudit}.
 */
@Controller
public class PipelineAuditQueries {

    private final MongoTemplate mongo;

    public PipelineAuditQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryMapping
    public AuditAnswer pipelineAudit(@Argument String pipelineId, @Argument Integer version) {
        PipelineView pipeline = mongo.findById(pipelineId, PipelineView.class);
        if (pipeline == null) {
            throw new ViolationException("pipelineId", "no pipeline has id '" + pipelineId + "'");
        }
        int selected = version == null ? pipeline.currentVersion() : version;
        PipelineVersionView stages = pipeline.version(selected);
        if (stages == null) {
            throw new ViolationException("version", "pipeline '" + pipelineId + "' has versions 1 to "
                    + pipeline.currentVersion() + "; there is no version " + selected);
        }
        return AuditAnswer.of(pipeline.id(), pipeline.name(), selected, PipelineAudit.audit(stages.stages()));
    }

    @QueryMapping
    public AuditAnswer auditStages(@Argument List<StageDefinition> stages) {
        List<Violation> violations = new PipelineDefinition(stages).validate("stages");
        if (!violations.isEmpty()) {
            throw new ViolationException(violations);
        }
        return AuditAnswer.of(null, null, null, PipelineAudit.audit(stages));
    }

    /** An audit as GraphQL shows it, with the pipeline and version it is of (null for inline stages). */
    public record AuditAnswer(String pipelineId, String pipelineName, Integer version, String verdict,
                              AuditSummary summary, List<StageAudit> stages, QualificationCheck qualification,
                              List<Finding> findings) {

        static AuditAnswer of(String pipelineId, String pipelineName, Integer version, AuditReport report) {
            return new AuditAnswer(pipelineId, pipelineName, version, report.verdict(), report.summary(),
                    report.stages(), report.qualification(), report.findings());
        }
    }
}
