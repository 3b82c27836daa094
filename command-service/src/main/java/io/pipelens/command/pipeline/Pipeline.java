package io.pipelens.command.pipeline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.pipelens.command.BusinessTime;
import io.pipelens.command.CommandRejectedException;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A pipeline and all its versions. Redefinition appends a version with a complete mapping of every earlier key. */
@Aggregate
public class Pipeline {

    static final int MAX_NAME = 200;

    @AggregateIdentifier
    private String aggregateId;
    private String pipelineId;
    private final PipelineHistory history = new PipelineHistory();

    protected Pipeline() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(DefinePipelineCommand command, Clock clock) {
        PipelineDefinition definition = new PipelineDefinition(command.stages());
        List<Violation> violations = new ArrayList<>();
        String idProblem = Keys.problemWith(command.pipelineId());
        if (idProblem != null) {
            violations.add(new Violation("pipelineId", idProblem));
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME) {
            violations.add(new Violation("name", "is required, 1 to " + MAX_NAME + " characters"));
        }
        violations.addAll(definition.validate("stages"));
        CommandRejectedException.throwIfAny(violations);
        if (history.isDefined()) {
            if (history.name().equals(command.name()) && history.first().equals(definition)) {
                return CommandOutcome.DUPLICATE;
            }
            throw new CommandRejectedException("pipelineId", "pipeline '" + command.pipelineId()
                    + "' is already defined; use redefinePipeline to add a version");
        }
        apply(new PipelineDefinedEvent(command.pipelineId(), command.name(), 1, definition.stages(),
                BusinessTime.of(command.occurredAt(), clock)));
        return CommandOutcome.APPLIED;
    }

    @CommandHandler
    public CommandOutcome handle(RedefinePipelineCommand command, Clock clock) {
        PipelineDefinition definition = new PipelineDefinition(command.stages());
        List<Violation> violations = new ArrayList<>(definition.validate("stages"));
        CommandRejectedException.throwIfAny(violations);
        PipelineHistory.MappingResult mapping = history.completeMapping(definition, command.mapping());
        CommandRejectedException.throwIfAny(mapping.violations());
        if (history.isCurrent(definition, mapping.mapping())) {
            return CommandOutcome.DUPLICATE;
        }
        Instant occurredAt = BusinessTime.of(command.occurredAt(), clock);
        apply(new PipelineRedefinedEvent(pipelineId, history.currentVersion() + 1, definition.stages(),
                mapping.mapping(), occurredAt, effectiveFrom(command.effectiveFrom(), clock)));
        return CommandOutcome.APPLIED;
    }

    /**
     * A stated effective time may lie in the past (the team switched before anyone recorded it), but not ahead of the
     * clock beyond the tolerance business time has, and not before the version it replaces took effect: versions
     * take effect in the order they are defined. Without one, the version takes effect when it is recorded.
     */
    private Instant effectiveFrom(Instant requested, Clock clock) {
        if (requested == null) {
            return null;
        }
        Instant at = BusinessTime.normalize(requested);
        Instant now = BusinessTime.normalize(clock.instant());
        if (at.isAfter(now.plus(BusinessTime.FUTURE_TOLERANCE))) {
            throw new CommandRejectedException("effectiveFrom", at + " lies in the future (the service clock reads "
                    + now + ")");
        }
        Instant previous = history.currentEffectiveFrom();
        if (at.isBefore(previous)) {
            throw new CommandRejectedException("effectiveFrom", at + " is before version "
                    + history.currentVersion() + " took effect at " + previous
                    + "; versions take effect in the order they are defined");
        }
        return at;
    }

    @EventSourcingHandler
    void on(PipelineDefinedEvent event) {
        aggregateId = AggregateIds.pipeline(event.pipelineId());
        pipelineId = event.pipelineId();
        history.apply(event);
    }

    @EventSourcingHandler
    void on(PipelineRedefinedEvent event) {
        history.apply(event);
    }
}
