package io.pipelens.command.pipeline;

import io.pipelens.command.CommandDispatcher;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.CommandResult;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations on pipelines, and the reference template. Defining and redefining pipelines is for ADMIN keys
 * (a redefinition triggers a replay of every analytic read model); the template is a query, open to READ.
 */
@Controller
public class PipelineMutations {

    private final CommandDispatcher dispatcher;

    public PipelineMutations(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    public CommandResult definePipeline(@Argument DefinePipelineInput input) {
        return dispatcher.dispatchOrThrow(input.toCommand());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    public CommandResult redefinePipeline(@Argument RedefinePipelineCommand input) {
        return dispatcher.dispatchOrThrow(input);
    }

    @QueryMapping
    public PipelineTemplate pipelineTemplate() {
        return new PipelineTemplate(SolutionSalesTemplate.NAME, SolutionSalesTemplate.STAGES);
    }

    /** The template's items carry one text; their Russian wording comes from the template beside it. */
    @SchemaMapping(typeName = "TemplateCriterion", field = "textRu")
    public String textRu(CriterionDefinition criterion) {
        return SolutionSalesTemplate.russianText(criterion.key());
    }

    public record PipelineTemplate(String name, List<StageDefinition> stages) {
    }

    /** definePipeline's input: explicit stages, or the template. */
    public record DefinePipelineInput(String pipelineId, String name, List<StageDefinition> stages,
                                      Boolean useTemplate, Instant occurredAt) {

        public DefinePipelineCommand toCommand() {
            boolean template = Boolean.TRUE.equals(useTemplate);
            if (template && stages != null) {
                throw new CommandRejectedException("stages", "give either stages or useTemplate: true, not both");
            }
            if (!template && stages == null) {
                throw new CommandRejectedException("stages", "is required unless useTemplate is true");
            }
            return new DefinePipelineCommand(pipelineId, name, template ? SolutionSalesTemplate.STAGES : stages,
                    occurredAt);
        }
    }
}
