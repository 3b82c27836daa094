package io.pipelens.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.command.importing.ImportProgress.Phase;
import io.pipelens.command.importing.ImportProgress.Update;
import io.pipelens.command.importing.ImportSummary.RejectedDeal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports an event log of stage changes as deal histories. Two phases:
 * <ol>
 *   <li><b>Validate</b> the whole file before sending anything: its size and shape, every row's values against the
 *   mapping and the pipeline's current stages, and each deal's sequence of rows (a deal must start with a stage; it
 *   cannot be closed twice without a reopening). Any problem refuses the file with every problem listed and nothing
 *   appended &mdash; unless {@code skipBadRows}, when bad rows are skipped and listed.</li>
 *   <li><b>Record</b> one {@link RecordDealHistoryCommand} per deal, one unit of work each, on a small thread pool.
 *   Changes already recorded count as duplicates, so re-importing a file (or a longer one with the same beginning)
 *   appends only what is new. A deal whose history contradicts what the event store already holds for it (say, a
 *   different opening) is refused as a whole and listed in the summary; the other deals are recorded.</li>
 * </ol>
 */
@Component
public class DealImporter {

    static final int ATTEMPTS = 3;
    private static final int PROGRESS_EVERY_ROWS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(DealImporter.class);

    private final CommandGateway gateway;
    private final PipelineCatalog pipelines;
    private final ObjectMapper json;
    private final ImportLimits limits;
    private final int threads;

    @Autowired
    public DealImporter(CommandGateway gateway, PipelineCatalog pipelines, ObjectMapper json,
                        @Value("${pipelens.import.max-bytes:52428800}") long maxBytes,
                        @Value("${pipelens.import.max-rows:1000000}") int maxRows,
                        @Value("${pipelens.import.threads:2}") int threads) {
        this(gateway, pipelines, json, new ImportLimits(maxBytes, maxRows), threads);
    }

    public DealImporter(CommandGateway gateway, PipelineCatalog pipelines, ObjectMapper json, ImportLimits limits,
                        int threads) {
        this.gateway = gateway;
        this.pipelines = pipelines;
        this.json = json;
        this.limits = limits;
        this.threads = Math.max(1, threads);
    }

    public ImportLimits limits() {
        return limits;
    }

    /**
     * Validates the log, then records its deals.
     *
     * @throws ImportRejectedException when the file is invalid (or, with skipBadRows, unreadable as a whole); nothing
     *                                 was appended
     */
    public ImportSummary importLog(String pipelineId, InputStream input, ImportOptions options, ImportMapping mapping,
                                   ImportProgress progress) {
        return importLog(pipelineId, input, -1, options, mapping, progress);
    }

    /**
     * As {@link #importLog(String, InputStream, ImportOptions, ImportMapping, ImportProgress)}, for an input whose
     * size is known beforehand ({@code declaredBytes}, or -1 when unknown): a file over the limit is refused before
     * a byte of it is read. An input longer than declared is still cut at the limit.
     */
    public ImportSummary importLog(String pipelineId, InputStream input, long declaredBytes, ImportOptions options,
                                   ImportMapping mapping, ImportProgress progress) {
        long started = System.nanoTime();
        if (declaredBytes > limits.maxBytes()) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile(null, tooLarge(declaredBytes))), 1);
        }
        CurrentVersion pipeline = requirePipeline(pipelineId);
        RowInterpreter interpreter = new RowInterpreter(mapping, pipelineId, pipeline);
        ProblemList problems = new ProblemList();
        interpreter.checkMapping(problems);
        rejectIfAny(problems);

        EventLogReader.Result log = new EventLogReader(options, mapping, limits, json).read(input);
        if (log.fatal()) {
            throw new ImportRejectedException(log.problems().listed(), log.problems().total());
        }
        problems.addAll(log.problems());
        List<ImportRow> rows = new ArrayList<>(log.rows().size());
        long validated = 0;
        for (EventLogReader.RawRow raw : log.rows()) {
            ImportRow row = interpreter.interpret(raw, problems);
            if (row != null) {
                rows.add(row);
            }
            if (++validated % PROGRESS_EVERY_ROWS == 0) {
                progress.update(new Update(Phase.VALIDATING, validated, 0, 0, 0, 0));
            }
        }
        rows.sort(java.util.Comparator.comparingLong(ImportRow::row));
        HistoryBuilder.Histories histories = new HistoryBuilder(pipelineId).build(rows, problems);
        if (!options.skipBadRows()) {
            rejectIfAny(problems);
        }
        ProblemList skipped = new ProblemList();
        skipped.addAll(problems);
        skipped.addAll(histories.skipped());
        progress.update(new Update(Phase.VALIDATING, log.rowsRead(), histories.deals().size(), 0, 0, 0));

        Recording recording = record(histories.deals(), log.rowsRead(), progress);
        long elapsedNanos = System.nanoTime() - started;
        long handled = recording.appended.get() + recording.duplicates.get();
        ImportSummary summary = new ImportSummary(log.rowsRead(), skipped.total(), sortedByRow(skipped.listed()),
                histories.deals().size(), recording.appended.get(), recording.duplicates.get(), recording.rejected(),
                elapsedNanos / 1_000_000, elapsedNanos == 0 ? 0 : handled * 1e9 / elapsedNanos);
        progress.update(new Update(Phase.DONE, log.rowsRead(), summary.deals(), recording.done.get(),
                summary.transitionsAppended(), summary.duplicates()));
        DealImporter.log.info("Imported {} rows into pipeline '{}': {} deals, {} changes appended, {} duplicates, {} "
                        + "deals refused, {} rows skipped, in {} ms", summary.rowsRead(), pipelineId, summary.deals(),
                summary.transitionsAppended(), summary.duplicates(), summary.rejectedDeals().size(),
                summary.rowsSkipped(), summary.elapsedMillis());
        return summary;
    }

    private String tooLarge(long bytes) {
        return "the file has " + bytes + " bytes, more than " + limits.maxBytes() + ", the most one import takes;"
                + " split it";
    }

    private CurrentVersion requirePipeline(String pipelineId) {
        String problem = Keys.problemWith(pipelineId);
        if (problem != null) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("pipelineId", problem)), 1);
        }
        Optional<CurrentVersion> current = pipelines.current(pipelineId);
        return current.orElseThrow(() -> new ImportRejectedException(List.of(ImportProblem.ofFile("pipelineId",
                "no pipeline '" + pipelineId + "' is defined; define it before importing its deals")), 1));
    }

    private static void rejectIfAny(ProblemList problems) {
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(sortedByRow(problems.listed()), problems.total());
        }
    }

    private static List<ImportProblem> sortedByRow(List<ImportProblem> problems) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingLong(ImportProblem::row));
        return sorted;
    }

    private Recording record(List<RecordDealHistoryCommand> deals, long rowsRead, ImportProgress progress) {
        Recording recording = new Recording(deals.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, deals.size())), runnable -> {
            Thread thread = new Thread(runnable, "deal-import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(deals.size());
            for (int i = 0; i < deals.size(); i++) {
                int index = i;
                futures.add(CompletableFuture.runAsync(() -> {
                    RecordDealHistoryCommand deal = deals.get(index);
                    recording.rejected[index] = send(deal, recording);
                    int done = recording.done.incrementAndGet();
                    progress.update(new Update(Phase.IMPORTING, rowsRead, deals.size(), done,
                            recording.appended.get(), recording.duplicates.get()));
                }, pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        return recording;
    }

    /** Sends one deal's history; answers its rejection, or null when it was recorded. */
    private RejectedDeal send(RecordDealHistoryCommand deal, Recording recording) {
        for (int attempt = 1; ; attempt++) {
            try {
                HistoryOutcome outcome = gateway.sendAndWait(deal);
                recording.appended.addAndGet(outcome.applied());
                recording.duplicates.addAndGet(outcome.duplicates());
                return null;
            } catch (ViolationException e) {
                return new RejectedDeal(deal.dealId(), e.violations());
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    return new RejectedDeal(deal.dealId(), List.of(new Violation("dealId", "deal '" + deal.dealId()
                            + "' was changed concurrently " + ATTEMPTS + " times in a row; import the file again")));
                }
            } catch (RuntimeException e) {
                log.warn("Could not record the history of deal {}", deal.dealId(), e);
                return new RejectedDeal(deal.dealId(), List.of(new Violation("dealId", "could not be recorded: "
                        + e.getMessage())));
            }
        }
    }

    /** Counts shared by the worker threads. */
    private static final class Recording {
        final AtomicLong appended = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicInteger done = new AtomicInteger();
        final RejectedDeal[] rejected;

        Recording(int deals) {
            rejected = new RejectedDeal[deals];
        }

        List<RejectedDeal> rejected() {
            return java.util.Arrays.stream(rejected).filter(Objects::nonNull).toList();
        }
    }
}
