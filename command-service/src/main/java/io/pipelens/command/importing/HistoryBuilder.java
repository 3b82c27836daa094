package io.pipelens.command.importing;

import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link RecordDealHistoryCommand} per deal from its rows, in time order, ties kept in file order (a
 * stable sort). The first row opens the deal at its stage with the row's attributes; a later stage row moves it; a
 * won or lost row closes it; a stage row after a close reopens the deal into that stage. A stage row naming the stage
 * the deal is already at changes nothing and is reported as skipped, as are ignored activities and a repeated close
 * of the same kind. A deal whose first row is a close, or a won row after a lost one (or the reverse) with no stage
 * row between, is a problem of that row.
 * <p>
 * A later row whose attributes differ from the deal's (an owner reassigned, an amount revised) changes them at its
 * time: the values it gives replace the deal's, the ones it leaves empty keep theirs (exports repeat attributes on
 * some rows only). Such a row is not skipped even when its stage or close changes nothing, nor when its activity is
 * ignored (it still says who owns the deal then). A row that is a problem is not read at all, its attributes
 * included, and its problem says so.
 */
final class HistoryBuilder {

    /** The histories, and the rows that were skipped on purpose (no-ops and ignored activities). */
    record Histories(List<DealHistory> deals, ProblemList skipped, int transitions) {
    }

    /** One deal's history, and the row each of its changes came from. */
    record DealHistory(RecordDealHistoryCommand command, List<Long> rows) {

        String dealId() {
            return command.dealId();
        }

        boolean opens() {
            return command.changes().get(0) instanceof OpenDealCommand;
        }

        /**
         * The same history for a deal that already exists: its first row moves the deal rather than opening it, as
         * when a later export starts in the middle of a deal's history.
         */
        DealHistory continuing() {
            OpenDealCommand open = (OpenDealCommand) command.changes().get(0);
            List<DealCommand> changes = new ArrayList<>(command.changes());
            changes.set(0, new MoveDealToStageCommand(open.dealId(), open.stage(), open.occurredAt()));
            return new DealHistory(new RecordDealHistoryCommand(command.dealId(), changes), rows);
        }
    }

    private final String pipelineId;
    private final CurrentVersion pipeline;
    private final String criteriaColumn;

    HistoryBuilder(String pipelineId, CurrentVersion pipeline, String criteriaColumn) {
        this.pipelineId = pipelineId;
        this.pipeline = pipeline;
        this.criteriaColumn = criteriaColumn;
    }

    /** Adds the problem, if any, with the confirmed criteria of {@code row} on leaving {@code leaving}. */
    private boolean badCriteria(ImportRow row, String leaving, String entering, ProblemList problems) {
        String problem = pipeline.definition().confirmationProblem(leaving, entering, row.confirmedCriteria(),
                "version " + pipeline.version() + " of pipeline '" + pipelineId + "'");
        if (problem != null) {
            problems.add(row.row(), criteriaColumn, ProblemCode.INVALID_CRITERIA, problem);
        }
        return problem != null;
    }

    /** Rows that break the deal rules are added to {@code problems}; with {@code skipBad} the deal goes on without them. */
    Histories build(List<ImportRow> rows, ProblemList problems) {
        Map<String, List<ImportRow>> byDeal = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            byDeal.computeIfAbsent(row.dealId(), id -> new ArrayList<>()).add(row);
        }
        List<DealHistory> deals = new ArrayList<>(byDeal.size());
        ProblemList skipped = new ProblemList();
        int transitions = 0;
        for (Map.Entry<String, List<ImportRow>> deal : byDeal.entrySet()) {
            List<ImportRow> ordered = new ArrayList<>(deal.getValue());
            ordered.sort(Comparator.comparing(ImportRow::occurredAt));
            List<Long> sources = new ArrayList<>();
            List<DealCommand> changes = history(deal.getKey(), ordered, sources, skipped, problems);
            if (!changes.isEmpty()) {
                deals.add(new DealHistory(new RecordDealHistoryCommand(deal.getKey(), changes), List.copyOf(sources)));
                transitions += changes.size();
            }
        }
        return new Histories(deals, skipped, transitions);
    }

    private List<DealCommand> history(String dealId, List<ImportRow> rows, List<Long> sources, ProblemList skipped,
                                      ProblemList problems) {
        List<DealCommand> changes = new ArrayList<>();
        String stage = null;
        ImportRow closedBy = null;
        DealAttributes attributes = null;
        for (ImportRow row : rows) {
            DealAttributes changed = attributes == null ? null : changed(attributes, row.attributes());
            switch (row.kind()) {
                case IGNORE -> {
                    if (changed == null) {
                        skipped.add(row.row(), null, ProblemCode.IGNORED_ACTIVITY, "ignored activity");
                    }
                    attributes = change(dealId, row, changed, changes, sources, attributes);
                }
                case STAGE -> {
                    if (stage == null) {
                        changes.add(new OpenDealCommand(dealId, pipelineId, row.stage(), row.attributes(),
                                row.occurredAt()));
                        attributes = row.attributes();
                    } else if (closedBy != null) {
                        changes.add(new ReopenDealCommand(dealId, row.stage(), row.occurredAt()));
                        closedBy = null;
                    } else if (row.stage().equals(stage)) {
                        if (changed == null) {
                            skipped.add(row.row(), null, ProblemCode.ALREADY_AT_STAGE, "deal '" + dealId
                                    + "' is already at stage '" + stage + "': nothing to change");
                        }
                        attributes = change(dealId, row, changed, changes, sources, attributes);
                        continue;
                    } else if (badCriteria(row, stage, row.stage(), problems)) {
                        continue;
                    } else {
                        changes.add(new MoveDealToStageCommand(dealId, row.stage(), row.occurredAt(),
                                row.confirmedCriteria()));
                    }
                    stage = row.stage();
                    sources.add(row.row());
                    attributes = change(dealId, row, changed, changes, sources, attributes);
                }
                case WON, LOST -> {
                    String what = row.kind() == ImportRow.Kind.WON ? "won" : "lost";
                    if (stage == null) {
                        problems.add(row.row(), null, ProblemCode.CLOSED_BEFORE_OPEN, "deal '" + dealId + "' is " + what
                                + " before any row gives"
                                + " its stage; a deal's first row (in time order) must be a stage");
                    } else if (closedBy != null && closedBy.kind() == row.kind()) {
                        if (changed == null) {
                            skipped.add(row.row(), null, ProblemCode.ALREADY_CLOSED, "deal '" + dealId
                                    + "' is already " + what + " (row " + closedBy.row() + "): nothing to change");
                        }
                        attributes = change(dealId, row, changed, changes, sources, attributes);
                    } else if (closedBy != null) {
                        problems.add(row.row(), null, ProblemCode.CLOSED_TWICE, "deal '" + dealId + "' is " + what
                                + " but was already closed"
                                + " at row " + closedBy.row() + "; a stage row must reopen it first"
                                + (changed == null ? "" : " (the row's attribute change is not read either)"));
                    } else if (row.kind() == ImportRow.Kind.WON && badCriteria(row, stage, null, problems)) {
                        continue;
                    } else {
                        changes.add(row.kind() == ImportRow.Kind.WON
                                ? new WinDealCommand(dealId, row.occurredAt(), row.confirmedCriteria())
                                : new LoseDealCommand(dealId, row.lostReason(), row.occurredAt()));
                        closedBy = row;
                        sources.add(row.row());
                        attributes = change(dealId, row, changed, changes, sources, attributes);
                    }
                }
                default -> throw new IllegalStateException("Unknown row kind " + row.kind());
            }
        }
        return changes;
    }

    /** Records the attribute change of {@code row}, if any; answers the deal's attributes after it. */
    private static DealAttributes change(String dealId, ImportRow row, DealAttributes changed,
                                         List<DealCommand> changes, List<Long> sources, DealAttributes attributes) {
        if (changed == null) {
            return attributes;
        }
        changes.add(new ChangeDealAttributesCommand(dealId, changed, row.occurredAt()));
        sources.add(row.row());
        return changed;
    }

    /** The deal's attributes with the values {@code row} gives; null when they change nothing. */
    static DealAttributes changed(DealAttributes deal, DealAttributes row) {
        DealAttributes merged = new DealAttributes(or(row.owner(), deal.owner()), or(row.source(), deal.source()),
                or(row.segment(), deal.segment()), or(row.amount(), deal.amount()), or(row.currency(), deal.currency()),
                or(row.expectedCloseDate(), deal.expectedCloseDate()));
        return sameAs(merged, deal) ? null : merged;
    }

    /** Equal, amounts compared by value ({@code 1200} is {@code 1200.00}). */
    private static boolean sameAs(DealAttributes a, DealAttributes b) {
        return Objects.equals(a.owner(), b.owner()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.segment(), b.segment()) && Objects.equals(a.currency(), b.currency())
                && Objects.equals(a.expectedCloseDate(), b.expectedCloseDate())
                && (a.amount() == null ? b.amount() == null : b.amount() != null && a.amount().compareTo(b.amount()) == 0);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
