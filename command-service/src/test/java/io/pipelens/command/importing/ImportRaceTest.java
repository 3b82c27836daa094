package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;

/**
 * Two imports of overlapping files at once: the other one creates a deal between this import's store lookup and its
 * append. The store then refuses the creation; the deal is recorded again, continuing the stream the other import
 * wrote, instead of being reported as a failure.
 */
class ImportRaceTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final PipelineCatalog pipelines = id -> Optional.of(
            new PipelineCatalog.CurrentVersion(1, new PipelineDefinition(SolutionSalesTemplate.STAGES)));
    private final DealImporter importer = new DealImporter(gateway, pipelines, ids -> Map.of(),
            NoTransactionManager.INSTANCE, new ObjectMapper(),
            Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC), ImportFixtures.defaultLimits(), 1, 1);

    @Test
    void aDealCreatedMeanwhileByAnotherWriterIsRecordedAgainNotRefused() {
        when(gateway.sendAndWait(isA(RecordDealHistoryCommand.class)))
                .thenThrow(new AggregateStreamCreationException("deal:r-1 was created by another writer"))
                .thenThrow(new AggregateStreamCreationException("deal:r-1 was created by another writer"))
                .thenReturn(new HistoryOutcome(1, 1));
        String csv = "deal_id,timestamp,stage\nr-1,2026-01-05T09:00:00Z,contact\nr-1,2026-01-08T09:00:00Z,qualification\n";

        ImportSummary summary = importer.importLog("race", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.rejectedDeals()).isEmpty();
        assertThat(summary.transitionsAppended()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        // the batch of one, then the deal alone twice more: refused, then recorded
        verify(gateway, times(3)).sendAndWait(isA(RecordDealHistoryCommand.class));
    }

    @Test
    void aDealThatKeepsLosingTheRaceIsReportedWithTheReason() {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("created meanwhile"));
        String csv = "deal_id,timestamp,stage\nr-2,2026-01-05T09:00:00Z,contact\n";

        ImportSummary summary = importer.importLog("race", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.csv(), ImportMapping.defaults(), ImportProgress.NONE);

        assertThat(summary.rejectedDeals()).singleElement().satisfies(rejected -> {
            assertThat(rejected.dealId()).isEqualTo("r-2");
            assertThat(rejected.violations().get(0).reason()).contains("changed concurrently");
        });
        assertThat(summary.transitionsAppended()).isZero();
    }
}
