package io.pipelens.query.pipeline;

import io.pipelens.kernel.ViolationException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries over pipeline definitions. */
@Controller
public class PipelineQueries {

    private final MongoTemplate mongo;

    public PipelineQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryMapping
    public List<PipelineAnswer> pipelines() {
        return mongo.find(new Query().with(Sort.by("_id")), PipelineView.class).stream()
                .map(p -> PipelineAnswer.of(p, p.currentVersion()))
                .toList();
    }

    @QueryMapping
    public PipelineAnswer pipeline(@Argument String id, @Argument Integer version) {
        PipelineView pipeline = mongo.findById(id, PipelineView.class);
        if (pipeline == null) {
            return null;
        }
        int selected = version == null ? pipeline.currentVersion() : version;
        if (pipeline.version(selected) == null) {
            throw new ViolationException("version", "pipeline '" + id + "' has versions 1 to "
                    + pipeline.currentVersion() + "; there is no version " + selected);
        }
        return PipelineAnswer.of(pipeline, selected);
    }

    /** A pipeline as GraphQL shows it, with the version that was asked for. */
    public record PipelineAnswer(String id, String name, int currentVersion, List<PipelineVersionView> versions,
                                 PipelineVersionView selected) {

        static PipelineAnswer of(PipelineView pipeline, int selected) {
            return new PipelineAnswer(pipeline.id(), pipeline.name(), pipeline.currentVersion(), pipeline.versions(),
                    pipeline.version(selected));
        }
    }
}
