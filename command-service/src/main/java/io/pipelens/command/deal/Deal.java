package io.pipelens.command.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.pipelens.command.BusinessTime;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.command.pipeline.PipelineCatalog.CurrentVersion;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.deal.HistoryOutcome;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A deal moving through the stages of one pipeline. Handlers check the rules and decide; state changes only in the
 * event-sourcing handlers. A command that repeats a change already recorded (same kind, stage and business time)
 * answers {@link CommandOutcome#DUPLICATE} and appends nothing, so retried commands and re-imported history are safe.
 */
@Aggregate(commandTargetResolver = "dealTargets")
public class Deal {

    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String aggregateId;
    private String dealId;
    private String pipelineId;
    private String stage;
    private DealStatus status;
    private DealAttributes attributes;
    private DealAttributes attributesAtOpen;
    private Instant lastTransitionAt;
    private final Set<Transition> recorded = new HashSet<>();
    private final Set<AttributesChange> attributeChanges = new HashSet<>();

    protected Deal() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(OpenDealCommand command, PipelineCatalog pipelines, Clock clock) {
        DealAttributes given = command.attributes() == null ? DealAttributes.NONE : command.attributes();
        List<Violation> violations = new ArrayList<>();
        String idProblem = Keys.problemWith(command.dealId());
        if (idProblem != null) {
            violations.add(new Violation("dealId", idProblem));
        }
        violations.addAll(given.validate("attributes."));
        CommandRejectedException.throwIfAny(violations);
        if (dealId != null) {
            if (recorded.contains(Transition.opened(command.pipelineId(), command.stage(), command.occurredAt()))
                    && given.equals(attributesAtOpen)) {
                return CommandOutcome.DUPLICATE;
            }
            throw new CommandRejectedException("dealId", "deal '" + command.dealId() + "' already exists (in pipeline '"
                    + pipelineId + "', " + status.name().toLowerCase(java.util.Locale.ROOT) + "); a deal is opened "
                    + "once: choose another id, or reopen it if it is closed");
        }
        CurrentVersion version = StageRules.requireStage(pipelines, command.pipelineId(), command.stage(), "stage");
        apply(new DealOpenedEvent(command.dealId(), command.pipelineId(), command.stage(), given,
                BusinessTime.of(command.occurredAt(), clock)), StageRules.judgedUnder(version));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(MoveDealToStageCommand command, PipelineCatalog pipelines, Clock clock) {
        if (recorded.contains(Transition.moved(command.stage(), command.occurredAt()))) {
            return CommandOutcome.DUPLICATE;
        }
        requireOpen("move it");
        CurrentVersion version = StageRules.requireStage(pipelines, pipelineId, command.stage(), "stage");
        if (command.stage().equals(stage)) {
            throw new CommandRejectedException("stage", "deal '" + dealId + "' is already at stage '" + stage + "'");
        }
        StageRules.requireConfirmable(pipelines, pipelineId, stage, command.stage(), command.confirmedCriteria());
        Instant at = BusinessTime.notBefore(command.occurredAt(), lastTransitionAt, clock);
        apply(new DealMovedToStageEvent(dealId, pipelineId, stage, command.stage(), at,
                command.confirmedCriteria()), StageRules.judgedUnder(version));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(WinDealCommand command, PipelineCatalog pipelines, Clock clock) {
        if (recorded.contains(Transition.won(command.occurredAt()))) {
            return CommandOutcome.DUPLICATE;
        }
        requireOpen("win it");
        CurrentVersion version = StageRules.requireConfirmable(pipelines, pipelineId, stage, null,
                command.confirmedCriteria());
        apply(new DealWonEvent(dealId, pipelineId, stage,
                BusinessTime.notBefore(command.occurredAt(), lastTransitionAt, clock), command.confirmedCriteria()),
                StageRules.judgedUnder(version));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(LoseDealCommand command, Clock clock) {
        if (recorded.contains(Transition.lost(command.occurredAt()))) {
            return CommandOutcome.DUPLICATE;
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > MAX_REASON) {
            throw new CommandRejectedException("reason", "is required, 1 to " + MAX_REASON + " characters");
        }
        requireOpen("lose it");
        apply(new DealLostEvent(dealId, pipelineId, stage, command.reason(),
                BusinessTime.notBefore(command.occurredAt(), lastTransitionAt, clock)));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(ReopenDealCommand command, PipelineCatalog pipelines, Clock clock) {
        if (recorded.contains(Transition.reopened(command.stage(), command.occurredAt()))) {
            return CommandOutcome.DUPLICATE;
        }
        if (status == DealStatus.OPEN) {
            throw new CommandRejectedException("dealId", "deal '" + dealId + "' is open; only a won or lost deal "
                    + "can be reopened");
        }
        CurrentVersion version = StageRules.requireStage(pipelines, pipelineId, command.stage(), "stage");
        apply(new DealReopenedEvent(dealId, pipelineId, command.stage(),
                BusinessTime.notBefore(command.occurredAt(), lastTransitionAt, clock)), StageRules.judgedUnder(version));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(ChangeDealAttributesCommand command, Clock clock) {
        DealAttributes given = command.attributes() == null ? DealAttributes.NONE : command.attributes();
        CommandRejectedException.throwIfAny(given.validate("attributes."));
        if (given.equals(attributes) || attributeChanges.contains(new AttributesChange(given, command.occurredAt()))) {
            return CommandOutcome.DUPLICATE;
        }
        apply(new DealAttributesChangedEvent(dealId, pipelineId, given,
                BusinessTime.notBefore(command.occurredAt(), lastTransitionAt, clock)));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public HistoryOutcome handle(RecordDealHistoryCommand command, PipelineCatalog pipelines, Clock clock) {
        List<DealCommand> changes = command.changes();
        if (changes.isEmpty()) {
            throw new CommandRejectedException("changes", "must hold at least one change");
        }
        PipelineCatalog pipelinesOnce = PipelineCatalog.memoizing(pipelines);
        int applied = 0;
        for (int i = 0; i < changes.size(); i++) {
            String at = "changes[" + i + "].";
            DealCommand change = changes.get(i);
            if (change == null || !command.dealId().equals(change.dealId())) {
                throw new CommandRejectedException(at + "dealId", "must be '" + command.dealId()
                        + "', the deal whose history this is");
            }
            if (dealId == null && !(change instanceof OpenDealCommand)) {
                throw new CommandRejectedException(at + "type", "deal '" + command.dealId()
                        + "' does not exist yet, so its history must start with openDeal");
            }
            try {
                if (handleChange(change, pipelinesOnce, clock) == CommandOutcome.APPLIED) {
                    applied++;
                }
            } catch (CommandRejectedException e) {
                throw e.prefixed(at);
            }
        }
        return new HistoryOutcome(applied, changes.size() - applied);
    }

    private CommandOutcome handleChange(DealCommand change, PipelineCatalog pipelines, Clock clock) {
        if (change instanceof OpenDealCommand open) {
            return handle(open, pipelines, clock);
        } else if (change instanceof MoveDealToStageCommand move) {
            return handle(move, pipelines, clock);
        } else if (change instanceof WinDealCommand win) {
            return handle(win, pipelines, clock);
        } else if (change instanceof LoseDealCommand lose) {
            return handle(lose, clock);
        } else if (change instanceof ReopenDealCommand reopen) {
            return handle(reopen, pipelines, clock);
        } else if (change instanceof ChangeDealAttributesCommand attributes) {
            return handle(attributes, clock);
        }
        throw new IllegalArgumentException("Unknown deal command " + change.getClass().getName());
    }

    private void requireOpen(String action) {
        if (status != DealStatus.OPEN) {
            throw new CommandRejectedException("dealId", "deal '" + dealId + "' is closed ("
                    + status.name().toLowerCase() + "); reopen it before you " + action);
        }
    }

    @EventSourcingHandler
    void on(DealOpenedEvent event) {
        aggregateId = AggregateIds.deal(event.dealId());
        dealId = event.dealId();
        pipelineId = event.pipelineId();
        stage = event.stage();
        status = DealStatus.OPEN;
        attributes = event.attributes();
        attributesAtOpen = event.attributes();
        record(Transition.opened(event.pipelineId(), event.stage(), event.occurredAt()), event.occurredAt());
    }

    @EventSourcingHandler
    void on(DealMovedToStageEvent event) {
        stage = event.toStage();
        record(Transition.moved(event.toStage(), event.occurredAt()), event.occurredAt());
    }

    @EventSourcingHandler
    void on(DealWonEvent event) {
        status = DealStatus.WON;
        record(Transition.won(event.occurredAt()), event.occurredAt());
    }

    @EventSourcingHandler
    void on(DealLostEvent event) {
        status = DealStatus.LOST;
        record(Transition.lost(event.occurredAt()), event.occurredAt());
    }

    @EventSourcingHandler
    void on(DealReopenedEvent event) {
        status = DealStatus.OPEN;
        stage = event.stage();
        record(Transition.reopened(event.stage(), event.occurredAt()), event.occurredAt());
    }

    @EventSourcingHandler
    void on(DealAttributesChangedEvent event) {
        attributes = event.attributes();
        attributeChanges.add(new AttributesChange(event.attributes(), event.occurredAt()));
        lastTransitionAt = event.occurredAt();
    }

    private void record(Transition transition, Instant occurredAt) {
        recorded.add(transition);
        lastTransitionAt = occurredAt;
    }

    /** A recorded attribute change, to recognise its retry after later changes. */
    private record AttributesChange(DealAttributes attributes, Instant occurredAt) {
    }
}
