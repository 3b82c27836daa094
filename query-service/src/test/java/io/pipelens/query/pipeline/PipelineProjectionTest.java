package io.pipelens.query.pipeline;

import static io.pipelens.query.pipeline.PipelineEvents.DEFINED_AT;
import static io.pipelens.query.pipeline.PipelineEvents.REDEFINED_AT;
import static io.pipelens.query.pipeline.PipelineEvents.WITHOUT_PROFILING;
import static io.pipelens.query.pipeline.PipelineEvents.asMessages;
import static io.pipelens.query.pipeline.PipelineEvents.profilingAbsorbed;
import static io.pipelens.query.pipeline.PipelineEvents.theTemplateDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The pipeline projection writing through the real MongoDB driver to a wire-protocol server. */
class PipelineProjectionTest {

    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();

    private MongoTemplate template;
    private PipelineProjection projection;

    @BeforeEach
    void emptyDatabase() {
        template = mongo.template();
        projection = new PipelineProjection(template, new AnalyticsRegistry(template, 3));
    }

    @Test
    void aDefinitionStoresVersionOneWithItsStages() {
        EventProcessing.inOneBatch(projection, asMessages("sales", theTemplateDefined("sales")));

        assertThat(stored()).containsExactly(new PipelineView("sales", SolutionSalesTemplate.NAME, List.of(
                new PipelineVersionView(1, SolutionSalesTemplate.STAGES, List.of(), DEFINED_AT))));
    }

    @Test
    void aRedefinitionAppendsTheNextVersionWithItsMapping() {
        EventProcessing.inOneBatch(projection,
                asMessages("sales", theTemplateDefined("sales"), profilingAbsorbed("sales")));

        PipelineView pipeline = template.findById("sales", PipelineView.class);
        assertThat(pipeline.currentVersion()).isEqualTo(2);
        assertThat(pipeline.version(1).stages()).isEqualTo(SolutionSalesTemplate.STAGES);
        assertThat(pipeline.version(2)).isEqualTo(new PipelineVersionView(2, WITHOUT_PROFILING,
                profilingAbsorbed("sales").mapping(), REDEFINED_AT));
        assertThat(pipeline.version(2).mapping()).contains(StageMapping.absorbed("profiling"),
                StageMapping.to("qualification", "qualification"));
    }

    @Test
    void pipelinesAreKeptApart() {
        EventProcessing.inOneBatch(projection, List.of(
                asMessages("b-pipeline", theTemplateDefined("b-pipeline")).get(0),
                asMessages("a-pipeline", theTemplateDefined("a-pipeline")).get(0)));

        assertThat(stored()).extracting(PipelineView::id, PipelineView::currentVersion)
                .containsExactly(tuple("a-pipeline", 1),
                        tuple("b-pipeline", 1));
    }

    @Test
    void applyingTheSameEventsTwiceGivesTheSamePipeline() {
        List<DomainEventMessage<?>> events = asMessages("sales", theTemplateDefined("sales"),
                profilingAbsorbed("sales"));
        EventProcessing.inOneBatch(projection, events);
        List<PipelineView> once = stored();

        EventProcessing.inOneBatch(projection, events);
        EventProcessing.oneByOne(projection, events);

        assertThat(stored()).isEqualTo(once);
    }

    @Test
    void aRedefinitionBeforeItsDefinitionIsRefused() {
        List<DomainEventMessage<?>> events = asMessages("sales", profilingAbsorbed("sales"));

        assertThatThrownBy(() -> EventProcessing.inOneBatch(projection, events))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sales");
        assertThat(stored()).isEmpty();
    }

    @Test
    void resetEmptiesTheCollectionForAReplay() {
        EventProcessing.inOneBatch(projection, asMessages("sales", theTemplateDefined("sales")));

        EventProcessing.reset(projection);

        assertThat(template.count(new Query(), PipelineView.class)).isZero();
    }

    private List<PipelineView> stored() {
        return template.find(new Query().with(Sort.by("_id")), PipelineView.class);
    }
}
