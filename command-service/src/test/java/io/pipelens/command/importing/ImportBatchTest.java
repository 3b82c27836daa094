package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Batches against the real event store, three deals per unit of work. The store lookup is made to miss every deal,
 * as when another writer creates or closes a deal between the check and the recording: a batch holding a deal the
 * store refuses must append nothing, and its other deals are then recorded one by one.
 */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:import-batch-test;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false",
        "pipelens.import.batch-deals=3"})
class ImportBatchTest {

    @Autowired
    private DealImporter importer;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;
    @MockitoBean
    private RecordedDeals recordedDeals;

    private long events(String dealPrefix) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, "deal:" + dealPrefix + "%");
    }

    @Test
    void recordsTheOtherDealsOfABatchWhoseDealTheStoreRefusesAndAppendsNothingTwice() {
        when(recordedDeals.pipelinesOf(any())).thenReturn(Map.of());
        gateway.sendAndWait(new DefinePipelineCommand("batch", "batch", SolutionSalesTemplate.STAGES,
                Instant.parse("2025-01-01T00:00:00Z")));
        gateway.sendAndWait(new RecordDealHistoryCommand("b-4", List.of(
                new OpenDealCommand("b-4", "batch", "contact", null, Instant.parse("2026-01-05T09:00:00Z")),
                new LoseDealCommand("b-4", "no budget", Instant.parse("2026-01-06T09:00:00Z")))));
        StringBuilder csv = new StringBuilder("deal_id,timestamp,stage\n");
        for (int deal = 1; deal <= 7; deal++) {
            csv.append("b-").append(deal).append(",2026-01-05T09:00:00Z,contact\n");
            csv.append("b-").append(deal).append(",2026-01-08T09:00:00Z,qualification\n");
        }
        long before = events("b-");

        ImportSummary summary = importer.importLog("batch", new ByteArrayInputStream(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.rejectedDeals()).extracting(ImportSummary.RejectedDeal::dealId).containsExactly("b-4");
        assertThat(summary.rejectedDeals().get(0).violations().get(0).reason()).contains("is closed (lost)");
        assertThat(summary.transitionsAppended()).as("six deals of two changes").isEqualTo(12);
        assertThat(summary.duplicates()).as("the refused batch appended nothing before its deals were retried")
                .isZero();
        assertThat(events("b-") - before).isEqualTo(12);
        assertThat(events("b-4")).as("the refused deal keeps its two events").isEqualTo(2);
    }
}
