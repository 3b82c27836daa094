package io.pipelens.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.command.ConcurrencyRetry;
import io.pipelens.command.importing.HistoryBuilder.DealHistory;
import io.pipelens.command.importing.ImportProgress.Phase;
import io.pipelens.command.importing.ImportProgress.Update;
import io.pipelens.command.importing.ImportSummary.RejectedDeal;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Imports an event log of stage changes as deal histories, in four phases:
 * <ol>
 *   <li><b>Validate</b> the whole file before sending anything: its size and shape, every row's values against the
 *   mapping and the pipeline's current stages (and the service clock), and each deal's sequence of rows (a deal must
 *   start with a stage; it cannot be closed twice without a reopening). For a deal the store does not hold yet, this
 *   is every rule the Deal aggregate applies.</li>
 *   <li><b>Check</b> the deals the event store already holds ({@link RecordedDeals}) against it, as a {@link DryRun}:
 *   the Deal aggregate decides as usual and its unit of work is rolled back. This finds, before anything is appended,
 *   a deal the store has closed that the file moves on, a deal opened elsewhere, a change earlier than the deal's last
 *   one. Brand-new deals are not sent twice.</li>
 *   <li><b>Record</b> the deals in batches of {@code pipelens.import.batch-deals}, one unit of work (and one database
 *   transaction) per batch, on a small thread pool: one {@link RecordDealHistoryCommand} per deal, handled by the
 *   Deal aggregate as usual, the events of the whole batch appended at its commit. Should the store refuse a deal of a
 *   batch after all (another writer changed it since the check), the batch appends nothing and its deals are recorded
 *   one by one, so that only the refused deal is left out. Changes already recorded count as duplicates, so
 *   re-importing a file (or a longer one with the same beginning) appends only what is new.</li>
 *   <li><b>Report</b>: an import that appended or skipped anything is recorded as a {@link DealLogImportedEvent},
 *   with its skipped rows counted by {@link ProblemCode}.</li>
 * </ol>
 * Any problem in the first two phases refuses the file with every problem listed, by row, and nothing appended;
 * with {@code skipBadRows} bad rows and refused deals are skipped and listed instead. Each deal is all or nothing.
 */
@Component
public class DealImporter {

    private static final int PROGRESS_EVERY_ROWS = 5_000;
    private static final Pattern CHANGE_FIELD = Pattern.compile("changes\\[(\\d+)]\\.(.+)");
    private static final Logger log = LoggerFactory.getLogger(DealImporter.class);

    private final CommandGateway gateway;
    private final PipelineCatalog pipelines;
    private final RecordedDeals recordedDeals;
    private final TransactionManager transactions;
    private final ObjectMapper json;
    private final ImportLimits limits;
    private final int threads;
    private final int batchDeals;
    private final Clock clock;

    @Autowired
    public DealImporter(CommandGateway gateway, PipelineCatalog pipelines, RecordedDeals recordedDeals,
                        TransactionManager transactions, ObjectMapper json, Clock clock,
                        ImportProperties settings) {
        this(gateway, pipelines, recordedDeals, transactions, json, clock, settings.limits(), settings.threads(),
                settings.batchDeals());
    }

    DealImporter(CommandGateway gateway, PipelineCatalog pipelines, RecordedDeals recordedDeals,
                 TransactionManager transactions, ObjectMapper json, Clock clock, ImportLimits limits,
                 int threads, int batchDeals) {
        this.gateway = gateway;
        this.pipelines = pipelines;
        this.recordedDeals = recordedDeals;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
        this.threads = Math.max(1, threads);
        this.batchDeals = Math.max(1, batchDeals);
    }

    /** Deals recorded per unit of work, one database transaction each ({@code pipelens.import.batch-deals}). */
    public int batchDeals() {
        return batchDeals;
    }

    /** Threads that record the batches of one import in parallel ({@code pipelens.import.threads}). */
    public int threads() {
        return threads;
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
            throw new ImportRejectedException(List.of(ImportProblem.ofFile(null, ProblemCode.TOO_LARGE,
                    tooLarge(declaredBytes))), 1);
        }
        ProblemList problems = new ProblemList();
        Validated file = validate(pipelineId, input, options, mapping, problems, progress);
        List<DealHistory> deals = file.histories().deals();

        DealsHeld held = new DealsHeld(pipelineId, recordedDeals.pipelinesOf(deals.stream().map(DealHistory::dealId)
                .toList()));
        Set<String> known = deals.stream().map(DealHistory::dealId).filter(held::here).collect(Collectors.toSet());
        List<DealHistory> existing = deals.stream().filter(deal -> known.contains(deal.dealId())).toList();
        Recording check = check(existing, file.rowsRead(), progress);
        List<RejectedDeal> refused = new ArrayList<>();
        for (DealHistory deal : deals) {
            Optional.ofNullable(held.elsewhere(deal.dealId())).ifPresent(refused::add);
        }
        List<String> hints = new ArrayList<>(file.hints());
        Optional.ofNullable(held.hint()).ifPresent(hints::add);
        if ((!check.rejected().isEmpty() || !refused.isEmpty()) && !options.skipBadRows()) {
            for (DealHistory deal : deals) {
                Optional.ofNullable(held.elsewhere(deal.dealId()))
                        .ifPresent(elsewhere -> problemsOf(deal, elsewhere, mapping, problems));
            }
            for (int i = 0; i < existing.size(); i++) {
                if (check.rejected[i] != null) {
                    problemsOf(existing.get(i), check.rejected[i], mapping, problems);
                }
            }
            rejectIfAny(problems, hints);
        }
        refused.addAll(check.rejected());
        List<DealHistory> accepted = new ArrayList<>(deals.size());
        long alreadyRecorded = 0;
        int checked = 0;
        for (DealHistory deal : deals) {
            if (held.elsewhere(deal.dealId()) != null) {
                continue;
            }
            if (!known.contains(deal.dealId())) {
                accepted.add(deal);
            } else if (check.rejected[checked] == null && check.dealApplied[checked] == 0) {
                alreadyRecorded += check.dealDuplicates[checked];
            } else if (check.rejected[checked] == null) {
                accepted.add(check.histories[checked]);
            }
            checked += known.contains(deal.dealId()) ? 1 : 0;
        }
        Recording recording;
        if (options.dryRun()) {
            recording = check;
            accepted.stream().filter(deal -> !known.contains(deal.dealId()))
                    .forEach(deal -> recording.appended.addAndGet(deal.command().changes().size()));
        } else {
            if (file.stages() != null) {
                gateway.sendAndWait(new DefinePipelineCommand(pipelineId, pipelineId, file.stages(),
                        clock.instant()));
            }
            recording = record(accepted, file.rowsRead(), progress);
            recording.duplicates.addAndGet(alreadyRecorded);
            refused.addAll(recording.rejected());
        }
        return summarize(pipelineId, options, new Validated(file.rowsRead(), file.histories(), hints, null), problems,
                recording, refused, started, progress);
    }

    /** The rows read and the deal histories built from the valid ones. */
    /** @param stages the stages to define the pipeline with (stagesFromActivities), or null */
    private record Validated(long rowsRead, HistoryBuilder.Histories histories, List<String> hints,
                             List<StageDefinition> stages) {
    }

    /** Phase 1: reads and checks the whole file; refuses it unless it is valid (or bad rows may be skipped). */
    private Validated validate(String pipelineId, InputStream input, ImportOptions options, ImportMapping mapping,
                               ProblemList problems, ImportProgress progress) {
        CurrentVersion pipeline = options.stagesFromActivities() ? requireNoPipeline(pipelineId)
                : requirePipeline(pipelineId);
        if (pipeline != null) {
            new RowInterpreter(mapping, pipelineId, pipeline, clock).checkMapping(problems);
            rejectIfAny(problems);
        }

        EventLogReader.Result log = new EventLogReader(options, mapping, limits, json).read(input);
        if (log.fatal()) {
            throw new ImportRejectedException(log.problems().listed(), log.problems().total());
        }
        problems.addAll(log.problems());
        ImportMapping.Lifecycle lifecycle = mapping.lifecycle();
        if (lifecycle.filters() && log.rows().stream().noneMatch(raw -> raw.values().containsKey(lifecycle.column()))) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("lifecycleColumn", ProblemCode.MISSING_COLUMN,
                    lifecycle.missing("from every row"))), 1);
        }
        ActivityStages activities = null;
        if (options.stagesFromActivities()) {
            activities = activitiesOf(log.rows(), mapping);
            mapping = mapping.withActivities(mapping.activities().withStages(activities.provisionalKeys()));
            pipeline = new CurrentVersion(0, new PipelineDefinition(activities.provisionalKeys().values().stream()
                    .map(key -> new StageDefinition(key, key, null, null, null)).toList()));
        }
        RowInterpreter interpreter = new RowInterpreter(mapping, pipelineId, pipeline, clock);
        List<ImportRow> rows = new ArrayList<>(log.rows().size());
        ProblemList otherLifecycle = new ProblemList();
        long validated = 0;
        for (EventLogReader.RawRow raw : log.rows()) {
            String transition = raw.get(lifecycle.column());
            if (!lifecycle.keeps(transition)) {
                otherLifecycle.add(raw.row(), lifecycle.column(), ProblemCode.OTHER_LIFECYCLE, "lifecycle transition '"
                        + transition + "' is not read (lifecycle: " + String.join(", ", lifecycle.keep()) + ")");
                continue;
            }
            if (!lifecycle.filters()) {
                interpreter.transition(lifecycle.column(), raw.get(lifecycle.column()));
            }
            ImportRow row = interpreter.interpret(raw, problems);
            if (row != null) {
                rows.add(row);
            }
            if (++validated % PROGRESS_EVERY_ROWS == 0) {
                progress.update(new Update(Phase.VALIDATING, validated, 0, 0, 0, 0));
            }
        }
        HistoryBuilder.Histories histories = new HistoryBuilder(pipelineId, pipeline,
                mapping.columns().confirmedCriteria()).build(rows, problems);
        List<String> hints = interpreter.hints();
        if (!options.skipBadRows()) {
            rejectIfAny(problems, hints);
        }
        progress.update(new Update(Phase.VALIDATING, log.rowsRead(), histories.deals().size(), 0, 0, 0));
        histories.skipped().addAll(otherLifecycle);
        List<StageDefinition> stages = activities == null ? null : activities.stages(histories.deals());
        if (stages != null) {
            hints = new ArrayList<>(hints);
            hints.add((options.dryRun() ? "would define" : "defines") + " pipeline '" + pipelineId + "' with "
                    + stages.size() + " stages from the log's activities: " + stages.stream()
                    .map(stage -> stage.key() + " (" + stage.name() + ")").collect(Collectors.joining(" → ")));
        }
        return new Validated(log.rowsRead(), histories, hints, stages);
    }

    /**
     * The distinct activities of the rows read (not those of closing, ignored or other-lifecycle rows).
     *
     * @throws ImportRejectedException naming {@code stagesFromActivities} when they are too many for a pipeline
     */
    private static ActivityStages activitiesOf(List<EventLogReader.RawRow> rows, ImportMapping mapping) {
        ImportMapping.Columns columns = mapping.columns();
        ImportMapping.Activities known = mapping.activities();
        ActivityStages activities = new ActivityStages();
        for (EventLogReader.RawRow raw : rows) {
            String outcome = columns.outcome() == null ? null : raw.get(columns.outcome());
            String activity = raw.get(columns.activity());
            String normalized = ImportMapping.Activities.normalize(activity);
            if (mapping.lifecycle().keeps(raw.get(mapping.lifecycle().column()))
                    && (outcome == null || outcome.isBlank()) && activity != null && !activity.isBlank()
                    && !known.won().contains(normalized) && !known.lost().contains(normalized)
                    && !known.ignore().contains(normalized)) {
                activities.add(activity);
            }
        }
        String problem = activities.problem();
        if (problem != null) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("stagesFromActivities",
                    ProblemCode.INVALID_PARAMETER, problem)), 1);
        }
        return activities;
    }

    private ImportSummary summarize(String pipelineId, ImportOptions options, Validated file, ProblemList problems,
                                    Recording recording, List<RejectedDeal> refused, long started,
                                    ImportProgress progress) {
        ProblemList skipped = new ProblemList();
        skipped.addAll(problems);
        skipped.addAll(file.histories().skipped());
        int deals = file.histories().deals().size();
        long appended = recording.appended.get();
        long duplicates = recording.duplicates.get();
        String importId = options.dryRun() || appended + skipped.total() + refused.size() == 0 ? null
                : recordImport(pipelineId, options, file, problems, skipped.total(), deals, appended, duplicates,
                refused.size());
        long elapsedNanos = System.nanoTime() - started;
        ImportSummary summary = new ImportSummary(options.dryRun(), file.rowsRead(), skipped.total(),
                sortedByRow(skipped.listed()), skipped.countsByCode(), deals, appended, duplicates,
                List.copyOf(refused), elapsedNanos / 1_000_000,
                elapsedNanos == 0 ? 0 : (appended + duplicates) * 1e9 / elapsedNanos, importId, file.hints());
        progress.update(new Update(Phase.DONE, file.rowsRead(), deals, deals, appended, duplicates));
        log.info("{} {} rows into pipeline '{}': {} deals, {} changes appended, {} duplicates, {} deals refused, {} "
                        + "rows skipped, in {} ms", options.dryRun() ? "Dry run of" : "Imported", summary.rowsRead(),
                pipelineId, deals, appended, duplicates, summary.rejectedDeals().size(), summary.rowsSkipped(),
                summary.elapsedMillis());
        return summary;
    }

    /**
     * Records the import as a {@link DealLogImportedEvent}, after its deals; answers its id. The invalid rows skipped
     * (with skipBadRows) are counted by code; rows skipped on purpose (no-ops, ignored activities) are counted in
     * {@code rowsSkipped} only. Should this last append fail, the deals stay recorded (re-importing the file appends
     * nothing new) and the summary says so by a null id.
     */
    private String recordImport(String pipelineId, ImportOptions options, Validated file, ProblemList invalid,
                                long rowsSkipped, int deals, long appended, long duplicates, int refused) {
        String importId = UUID.randomUUID().toString();
        try {
            gateway.sendAndWait(new RecordDealLogImportCommand(new DealLogImportedEvent(importId, pipelineId,
                    options.source(), file.rowsRead(), rowsSkipped, invalid.countsByCode(), deals, appended,
                    duplicates, refused, clock.instant())));
            return importId;
        } catch (RuntimeException e) {
            log.warn("Could not record import {} of pipeline '{}'", importId, pipelineId, e);
            return null;
        }
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
            problems.add(row, columnOf(field, mapping.columns()), ProblemCode.REFUSED_BY_STORE, "deal '"
                    + deal.dealId() + "' as the event store holds it: " + violation.reason());
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
            case "attributes.expectedCloseDate" -> columns.expectedCloseDate();
            case "confirmedCriteria" -> columns.confirmedCriteria() != null ? columns.confirmedCriteria() : field;
            default -> field;
        };
    }

    private String tooLarge(long bytes) {
        return "the file has " + bytes + " bytes, more than " + limits.maxBytes() + ", the most one import takes;"
                + " split it";
    }

    /** Null, as the pipeline to define from the log does not exist yet; refused naming the option when it does. */
    private CurrentVersion requireNoPipeline(String pipelineId) {
        if (currentVersion(pipelineId).isPresent()) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("stagesFromActivities",
                    ProblemCode.INVALID_PARAMETER, "pipeline '" + pipelineId + "' is defined already; its stages"
                    + " come from the log only when the import defines it (import without stagesFromActivities)")), 1);
        }
        return null;
    }

    private CurrentVersion requirePipeline(String pipelineId) {
        return currentVersion(pipelineId).orElseThrow(() -> new ImportRejectedException(List.of(ImportProblem.ofFile("pipelineId",
                ProblemCode.UNKNOWN_PIPELINE, "no pipeline '" + pipelineId + "' is defined; define it before importing its deals")), 1));
    }

    /** The pipeline's current version, if defined; refused naming {@code pipelineId} when the id is invalid. */
    private Optional<CurrentVersion> currentVersion(String pipelineId) {
        String problem = Keys.problemWith(pipelineId);
        if (problem != null) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("pipelineId", ProblemCode.UNKNOWN_PIPELINE,
                    problem)), 1);
        }
        return pipelines.current(pipelineId);
    }

    private static void rejectIfAny(ProblemList problems) {
        rejectIfAny(problems, List.of());
    }

    private static void rejectIfAny(ProblemList problems, List<String> hints) {
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(sortedByRow(problems.listed()), problems.total(), hints);
        }
    }

    private static List<ImportProblem> sortedByRow(List<ImportProblem> problems) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(ImportProblem::row));
        return sorted;
    }

    /**
     * Phase 2: sends the history of every deal the store already holds as a dry run, one unit of work per deal, on the
     * pool. A history that would open a deal the store already holds, and differently, is checked again as continuing
     * that deal (its first row a move): a later export that starts in the middle of a deal's history then appends only
     * what is new.
     */
    private Recording check(List<DealHistory> deals, long rowsRead, ImportProgress progress) {
        Recording recording = new Recording(deals.size());
        onPool(deals.size(), index -> {
            DealHistory deal = deals.get(index);
            RejectedDeal rejected = send(deal.command(), true, recording, index);
            if (rejected != null && deal.opens() && rejected.violations().stream()
                    .anyMatch(v -> v.field().equals("changes[0].dealId"))) {
                DealHistory continuing = deal.continuing();
                if (send(continuing.command(), true, recording, index) == null) {
                    deal = continuing;
                    rejected = null;
                }
            }
            recording.histories[index] = deal;
            recording.rejected[index] = rejected;
            int done = recording.done.incrementAndGet();
            progress.update(new Update(Phase.CHECKING, rowsRead, deals.size(), done, recording.appended.get(),
                    recording.duplicates.get()));
        });
        return recording;
    }

    /** Phase 3: records the deals in batches, one unit of work per batch, on the pool. */
    private Recording record(List<DealHistory> deals, long rowsRead, ImportProgress progress) {
        Recording recording = new Recording(deals.size());
        int batches = (deals.size() + batchDeals - 1) / batchDeals;
        onPool(batches, batch -> {
            int from = batch * batchDeals;
            List<DealHistory> slice = deals.subList(from, Math.min(deals.size(), from + batchDeals));
            if (!recordBatch(slice, recording)) {
                for (int i = 0; i < slice.size(); i++) {
                    recording.rejected[from + i] = send(slice.get(i).command(), false, recording, from + i);
                }
            }
            int done = recording.done.addAndGet(slice.size());
            progress.update(new Update(Phase.IMPORTING, rowsRead, deals.size(), done, recording.appended.get(),
                    recording.duplicates.get()));
        });
        return recording;
    }

    /**
     * Records {@code batch} in one unit of work with its own transaction: every deal's command is handled in a nested
     * unit of work, whose events wait for this one's commit. Answers false, having appended nothing, when any deal is
     * refused or the commit fails (a concurrent writer), so the caller can record the deals one by one.
     */
    private boolean recordBatch(List<DealHistory> batch, Recording recording) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("deal import batch"));
        long appended = 0;
        long duplicates = 0;
        try {
            unitOfWork.attachTransaction(transactions);
            for (DealHistory deal : batch) {
                HistoryOutcome outcome = gateway.sendAndWait(deal.command());
                appended += outcome.applied();
                duplicates += outcome.duplicates();
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            log.debug("A batch of {} deals was refused as a whole; recording them one by one", batch.size(), e);
            return false;
        }
        recording.appended.addAndGet(appended);
        recording.duplicates.addAndGet(duplicates);
        return true;
    }

    /** Runs {@code task} for 0 to {@code count} - 1 on a pool of {@code threads}, and waits for all of them. */
    private void onPool(int count, IntConsumer task) {
        if (count == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), runnable -> {
            Thread thread = new Thread(runnable, "deal-import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(CompletableFuture.runAsync(() -> task.accept(index), pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Sends one deal's history; answers its rejection, or null when it was recorded (or would be). */
    private RejectedDeal send(RecordDealHistoryCommand deal, boolean dryRun, Recording recording, int index) {
        try {
            // A lost race means another writer appended to the deal, or created it, first: its events are now
            // duplicates here, which the next attempt finds.
            return ConcurrencyRetry.run(() -> sendOnce(deal, dryRun, recording, index), lost -> { },
                    attempts -> new RejectedDeal(deal.dealId(), List.of(new Violation("dealId", "deal '"
                            + deal.dealId() + "' was changed concurrently " + attempts
                            + " times in a row; import the file again"))));
        } catch (ViolationException e) {
            return new RejectedDeal(deal.dealId(), e.violations());
        } catch (RuntimeException e) {
            log.warn("Could not record the history of deal {}", deal.dealId(), e);
            return new RejectedDeal(deal.dealId(), List.of(new Violation("dealId", "could not be recorded: "
                    + e.getMessage())));
        }
    }

    private RejectedDeal sendOnce(RecordDealHistoryCommand deal, boolean dryRun, Recording recording, int index) {
        Object answer;
        try {
            answer = dryRun ? gateway.sendAndWait(DryRun.of(deal)) : gateway.sendAndWait(deal);
        } catch (DryRun.Completed completed) {
            answer = completed.result();
        }
        HistoryOutcome outcome = (HistoryOutcome) answer;
        recording.appended.addAndGet(outcome.applied());
        recording.duplicates.addAndGet(outcome.duplicates());
        recording.dealApplied[index] = outcome.applied();
        recording.dealDuplicates[index] = outcome.duplicates();
        return null;
    }

    /** Counts shared by the worker threads. */
    private static final class Recording {
        final AtomicLong appended = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicInteger done = new AtomicInteger();
        final RejectedDeal[] rejected;
        /** The history each deal is (or would be) recorded with: as read, or continuing an existing deal. */
        final DealHistory[] histories;
        /** Per deal sent alone: the changes it appended (or would) and the ones already recorded. */
        final int[] dealApplied;
        final int[] dealDuplicates;

        Recording(int deals) {
            rejected = new RejectedDeal[deals];
            histories = new DealHistory[deals];
            dealApplied = new int[deals];
            dealDuplicates = new int[deals];
        }

        List<RejectedDeal> rejected() {
            return Arrays.stream(rejected).filter(Objects::nonNull).toList();
        }
    }
}
