package io.pipelens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code pipelens.demo.deals} on the command service: the demo pipeline and exactly the generated histories. */
@CommandServiceWithDemoData
class DemoDataLoaderTest {

    private final List<RecordDealHistoryCommand> generated = new DemoHistories(DemoDataLoader.PIPELINE,
            CommandServiceWithDemoData.SEED, Instant.parse(CommandServiceWithDemoData.AS_OF))
            .deals(0, CommandServiceWithDemoData.DEALS).toList();

    @Autowired
    private PipelineCatalog pipelines;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DemoDataLoader loader;

    private long demoDealEvents() {
        return StoredEvents.count(jdbc, "deal:" + DemoDataLoader.PIPELINE + "-");
    }

    @Test
    void definesTheDemoPipelineAndRecordsTheGeneratedHistoriesAtStartUp() {
        assertThat(pipelines.current(DemoDataLoader.PIPELINE)).hasValueSatisfying(current -> {
            assertThat(current.version()).isEqualTo(2);
            assertThat(current.definition().stages()).isEqualTo(DemoDataLoader.enforcedQualification())
                    .extracting(StageDefinition::key)
                    .isEqualTo(SolutionSalesTemplate.STAGES.stream().map(StageDefinition::key).toList());
            assertThat(current.definition().stages()).isNotEqualTo(SolutionSalesTemplate.STAGES);
        });
        assertThat(DemoHistoryCheck.differences(eventStore, generated.iterator(), 10)).isEmpty();
        assertThat(demoDealEvents()).isEqualTo(generated.stream().mapToLong(deal -> deal.changes().size()).sum());
    }

    @Test
    void loadingAgainWithTheSameSettingsAddsNothing() {
        long before = demoDealEvents();
        long pipelineEvents = StoredEvents.count(jdbc, AggregateIds.pipeline(DemoDataLoader.PIPELINE));

        loader.run(null);

        assertThat(demoDealEvents()).isEqualTo(before).isPositive();
        assertThat(StoredEvents.count(jdbc, AggregateIds.pipeline(DemoDataLoader.PIPELINE)))
                .as("the definition and the redefinition are not recorded again").isEqualTo(pipelineEvents);
    }
}
