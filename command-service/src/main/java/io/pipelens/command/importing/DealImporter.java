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
import io.pipelens.command.importing.HistoryBuilder.DealHistory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Imports an event log of stage changes as deal histories, in three phases:
 * <ol>
 *   <li><b>Validate</b> the whole file before sending anything: its size and shape, every row's values against the
 *   mapping and the pipeline's current stages, and each deal's sequence of rows (a deal must start with a stage; it
 *   cannot be closed twice without a reopening).</li>
 *   <li><b>Check</b> every deal's history against what the event store holds, as a {@link DryRun}: the Deal
 *   aggregate decides as usual and its unit of work is rolled back. This finds, before anything is appended, a deal
 *   the store has closed that the file moves on, a deal opened elsewhere, a change earlier than the deal's last one.</li>
 *   <li><b>Record</b> one {@link RecordDealHistoryCommand} per deal, one unit of work each, on a small thread pool.
 *   Changes already recorded count as duplicates, so re-importing a file (or a longer one with the same beginning)
 *   appends only what is new.</li>
 * </ol>
 * Any problem in the first two phases refuses the file with every problem listed, by row, and nothing appended;
 * with {@code skipBadRows} bad rows and refused deals are skipped and listed instead. A deal changed by someone else
 * between its check and its recording can still be refused in the last phase: it is then listed in the summary's
 * rejected deals, and the other deals are recorded (each deal is all or nothing).
 */
@Component
public class DealImporter {

    static final int ATTEMPTS = 3;
    private static final int PROGRESS_EVERY_ROWS = 5_000;
    private static final Pattern CHANGE_FIELD = Pattern.compile("changes\\[(\\d+)]\\.(.+)");
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
        ProblemList problems = new ProblemList();
        Validated file = validate(pipelineId, input, options, mapping, problems, progress);
        List<DealHistory> deals = file.histories().deals();

        Recording check = record(deals, true, file.rowsRead(), progress);
        if (!check.rejected().isEmpty() && !options.skipBadRows()) {
            for (int i = 0; i < deals.size(); i++) {
                if (check.rejected[i] != null) {
                    problemsOf(deals.get(i), check.rejected[i], mapping, problems);
                }
            }
            rejectIfAny(problems);
        }
        List<RejectedDeal> refused = new ArrayList<>(check.rejected());
        Recording recording = check;
        if (!options.dryRun()) {
            List<DealHistory> accepted = new ArrayList<>(deals.size());
            for (int i = 0; i < deals.size(); i++) {
                if (check.rejected[i] == null) {
                    accepted.add(check.histories[i]);
                }
            }
            recording = record(accepted, false, file.rowsRead(), progress);
            refused.addAll(recording.rejected());
        }
        return summarize(pipelineId, options, file, problems, recording, refused, started, progress);
    }

    /** The rows read and the deal histories built from the valid ones. */
    private record Validated(long rowsRead, HistoryBuilder.Histories histories) {
    }

    /** Phase 1: reads and checks the whole file; refuses it unless it is valid (or bad rows may be skipped). */
    private Validated validate(String pipelineId, InputStream input, ImportOptions options, ImportMapping mapping,
                               ProblemList problems, ImportProgress progress) {
        CurrentVersion pipeline = requirePipeline(pipelineId);
        RowInterpreter interpreter = new RowInterpreter(mapping, pipelineId, pipeline);
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
        HistoryBuilder.Histories histories = new HistoryBuilder(pipelineId).build(rows, problems);
        if (!options.skipBadRows()) {
            rejectIfAny(problems);
        }
        progress.update(new Update(Phase.VALIDATING, log.rowsRead(), histories.deals().size(), 0, 0, 0));
        return new Validated(log.rowsRead(), histories);
    }

    private ImportSummary summarize(String pipelineId, ImportOptions options, Validated file, ProblemList problems,
                                    Recording recording, List<RejectedDeal> refused, long started,
                                    ImportProgress progress) {
        ProblemList skipped = new ProblemList();
        skipped.addAll(problems);
        skipped.addAll(file.histories().skipped());
        int deals = file.histories().deals().size();
        long elapsedNanos = System.nanoTime() - started;
        long handled = recording.appended.get() + recording.duplicates.get();
        ImportSummary summary = new ImportSummary(options.dryRun(), file.rowsRead(), skipped.total(),
                sortedByRow(skipped.listed()), deals, recording.appended.get(), recording.duplicates.get(),
                List.copyOf(refused), elapsedNanos / 1_000_000, elapsedNanos == 0 ? 0 : handled * 1e9 / elapsedNanos);
        progress.update(new Update(Phase.DONE, file.rowsRead(), deals, deals, summary.transitionsAppended(),
                summary.duplicates()));
        log.info("{} {} rows into pipeline '{}': {} deals, {} changes appended, {} duplicates, {} deals refused, {} "
                        + "rows skipped, in {} ms", options.dryRun() ? "Dry run of" : "Imported", summary.rowsRead(),
                pipelineId, deals, summary.transitionsAppended(), summary.duplicates(),
                summary.rejectedDeals().size(), summary.rowsSkipped(), summary.elapsedMillis());
        return summary;
    }

    /** A deal's rejection as row problems: {@code changes[3].stage} is the stage column of the row of change 3. */
    private static void problemsOf(DealHistory deal, RejectedDeal rejected, ImportMapping mapping,
                                   ProblemList problems) {
        for (Violation violation : rejected.violations()) {
            Matcher matcher = CHANGE_FIELD.matcher(violation.field());
            long row = 0;
            String field = violation.field();
            if (matcher.matches()) {
                int change = Integer.parseInt(matcher.group(1));
                row = change < deal.rows().size() ? deal.rows().get(change) : 0;
                field = matcher.group(2);
            }
            problems.add(row, columnOf(field, mapping.columns()), "deal '" + deal.dealId() + "' as the event store "
                    + "holds it: " + violation.reason());
        }
    }

    private static String columnOf(String field, ImportMapping.Columns columns) {
        return switch (field) {
            case "dealId" -> columns.deal();
            case "occurredAt" -> columns.time();
            case "stage", "type" -> columns.activity();
            case "reason" -> columns.lostReason() != null ? columns.lostReason() : columns.activity();
            case "attributes.owner" -> columns.owner();
            case "attributes.source" -> columns.source();
            case "attributes.segment" -> columns.segment();
            case "attributes.amount" -> columns.amount();
            case "attributes.currency" -> columns.currency();
            default -> field;
        };
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

    /**
     * Sends every deal's history (as a dry run when {@code dryRun}) on the pool; one unit of work per deal. A checked
     * history that would open a deal the store already holds, and differently, is checked again as continuing that
     * deal (its first row a move): a later export that starts in the middle of a deal's history then appends only
     * what is new.
     */
    private Recording record(List<DealHistory> deals, boolean dryRun, long rowsRead, ImportProgress progress) {
        Recording recording = new Recording(deals.size());
        if (deals.isEmpty()) {
            return recording;
        }
        Phase phase = dryRun ? Phase.CHECKING : Phase.IMPORTING;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, deals.size()), runnable -> {
            Thread thread = new Thread(runnable, "deal-import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(deals.size());
            for (int i = 0; i < deals.size(); i++) {
                int index = i;
                futures.add(CompletableFuture.runAsync(() -> {
                    DealHistory deal = deals.get(index);
                    RejectedDeal rejected = send(deal.command(), dryRun, recording);
                    if (dryRun && rejected != null && deal.opens() && rejected.violations().stream()
                            .anyMatch(v -> v.field().equals("changes[0].dealId"))) {
                        DealHistory continuing = deal.continuing();
                        if (send(continuing.command(), true, recording) == null) {
                            deal = continuing;
                            rejected = null;
                        }
                    }
                    recording.histories[index] = deal;
                    recording.rejected[index] = rejected;
                    int done = recording.done.incrementAndGet();
                    progress.update(new Update(phase, rowsRead, deals.size(), done, recording.appended.get(),
                            recording.duplicates.get()));
                }, pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        return recording;
    }

    /** Sends one deal's history; answers its rejection, or null when it was recorded (or would be). */
    private RejectedDeal send(RecordDealHistoryCommand deal, boolean dryRun, Recording recording) {
        for (int attempt = 1; ; attempt++) {
            try {
                Object answer;
                try {
                    answer = dryRun ? gateway.sendAndWait(DryRun.of(deal)) : gateway.sendAndWait(deal);
                } catch (DryRun.Completed completed) {
                    answer = completed.result();
                }
                HistoryOutcome outcome = (HistoryOutcome) answer;
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
        /** The history each deal is (or would be) recorded with: as read, or continuing an existing deal. */
        final DealHistory[] histories;

        Recording(int deals) {
            rejected = new RejectedDeal[deals];
            histories = new DealHistory[deals];
        }

        List<RejectedDeal> rejected() {
            return java.util.Arrays.stream(rejected).filter(Objects::nonNull).toList();
        }
    }
}
