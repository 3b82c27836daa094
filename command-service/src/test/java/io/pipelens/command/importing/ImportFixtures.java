package io.pipelens.command.importing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A pipeline catalog with the template pipeline {@code main}, and a command gateway that records what it is sent. */
final class ImportFixtures {

    static final String PIPELINE = "main";

    /** The service clock of these tests: rows later than this (and a few minutes) lie in the future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    static final PipelineCatalog CATALOG = pipelineId -> PIPELINE.equals(pipelineId)
            ? Optional.of(new PipelineCatalog.CurrentVersion(1, SolutionSalesTemplate.definition()))
            : Optional.empty();

    private ImportFixtures() {
    }

    /**
     * A gateway that records every history sent for real (dry runs apart) and answers that all its changes were
     * applied, or refuses the deals named in {@link #refuse}; and a store that holds the deals named in
     * {@link #existing} or {@link #refuse} (only those are checked before recording).
     */
    static final class RecordingGateway {
        final List<RecordDealHistoryCommand> sent = Collections.synchronizedList(new ArrayList<>());
        final List<RecordDealHistoryCommand> checked = Collections.synchronizedList(new ArrayList<>());
        final List<RecordDealLogImportCommand> imports = Collections.synchronizedList(new ArrayList<>());
        final List<DefinePipelineCommand> definitions = Collections.synchronizedList(new ArrayList<>());
        final java.util.Set<String> refuse = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<String> existing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final CommandGateway gateway = mock(CommandGateway.class);
        /** Deals the store holds in another pipeline than {@link #PIPELINE}: deal id → pipeline. */
        final java.util.Map<String, String> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();
        final RecordedDeals recordedDeals = ids -> ids.stream()
                .filter(id -> existing.contains(id) || refuse.contains(id) || elsewhere.containsKey(id))
                .collect(java.util.stream.Collectors.toMap(id -> id, id -> elsewhere.getOrDefault(id, PIPELINE)));

        RecordingGateway() {
            when(gateway.sendAndWait(any())).thenAnswer(call -> {
                Object argument = call.getArgument(0);
                if (argument instanceof DefinePipelineCommand defined) {
                    definitions.add(defined);
                    return defined.aggregateId();
                }
                if (argument instanceof RecordDealLogImportCommand recorded) {
                    imports.add(recorded);
                    return recorded.aggregateId();
                }
                boolean dryRun = argument instanceof CommandMessage<?> message && DryRun.isDryRun(message);
                RecordDealHistoryCommand history = (RecordDealHistoryCommand) (argument instanceof CommandMessage<?>
                        message ? message.getPayload() : argument);
                if (refuse.contains(history.dealId())) {
                    throw new CommandRejectedException("changes[1].stage", "deal '" + history.dealId()
                            + "' is closed (lost); reopen it before you move it");
                }
                HistoryOutcome outcome = new HistoryOutcome(history.changes().size(), 0);
                if (dryRun) {
                    checked.add(history);
                    throw new DryRun.Completed(outcome);
                }
                sent.add(history);
                return outcome;
            });
        }

        DealImporter importer() {
            return importer(defaultLimits());
        }

        DealImporter importer(ImportLimits limits) {
            return new DealImporter(gateway, CATALOG, recordedDeals, NoTransactionManager.INSTANCE, new ObjectMapper(),
                    CLOCK, limits, 2, 2);
        }

        /** The history sent for {@code dealId}. */
        RecordDealHistoryCommand deal(String dealId) {
            synchronized (sent) {
                return sent.stream().filter(h -> h.dealId().equals(dealId)).findFirst().orElseThrow();
            }
        }
    }

    static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The limits an import has when {@code pipelens.import.*} is not configured: the properties record's defaults. */
    static ImportLimits defaultLimits() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("pipelens.import", ImportProperties.class).limits();
    }
}
