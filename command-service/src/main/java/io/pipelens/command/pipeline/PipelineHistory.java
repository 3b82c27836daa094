package io.pipelens.command.pipeline;

import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every version a pipeline has had, folded from its events. Used by the Pipeline aggregate to validate redefinitions,
 * and by deal commands to check stage keys against the current version.
 */
public final class PipelineHistory {

    private String name;
    private final List<PipelineDefinition> versions = new ArrayList<>();
    private final Set<String> keysEverDefined = new LinkedHashSet<>();
    private Map<String, StageMapping> currentMapping = Map.of();
    private Instant currentEffectiveFrom;

    public void apply(PipelineDefinedEvent event) {
        name = event.name();
        add(new PipelineDefinition(event.stages()), List.of());
        currentEffectiveFrom = event.occurredAt();
    }

    public void apply(PipelineRedefinedEvent event) {
        add(new PipelineDefinition(event.stages()), event.mapping());
        currentEffectiveFrom = event.effectiveAt();
    }

    /** True when {@code definition} with {@code completeMapping} is what the current version already says. */
    public boolean isCurrent(PipelineDefinition definition, List<StageMapping> completeMapping) {
        return current().equals(definition) && currentMapping.equals(byFrom(completeMapping));
    }

    /**
     * Adds a version with its recorded mapping, which names the keys of earlier versions only. The keys the version
     * introduces map to themselves, as {@link #completeMapping} answers for them once they belong to the history; so a
     * retried redefinition compares equal to the version it created.
     */
    private void add(PipelineDefinition definition, List<StageMapping> mapping) {
        Map<String, StageMapping> byKey = byFrom(mapping == null ? List.of() : mapping);
        for (String key : definition.keys()) {
            if (keysEverDefined.add(key)) {
                byKey.putIfAbsent(key, StageMapping.to(key, key));
            }
        }
        versions.add(definition);
        currentMapping = byKey;
    }

    private static Map<String, StageMapping> byFrom(List<StageMapping> mapping) {
        Map<String, StageMapping> byKey = new HashMap<>();
        mapping.forEach(entry -> byKey.put(entry.from(), entry));
        return byKey;
    }

    public boolean isDefined() {
        return !versions.isEmpty();
    }

    public String name() {
        return name;
    }

    public int currentVersion() {
        return versions.size();
    }

    /** The version the pipeline was defined with. */
    public PipelineDefinition first() {
        return versions.get(0);
    }

    /** When the current version took effect: its stated effective time, or when it was recorded. */
    public Instant currentEffectiveFrom() {
        return currentEffectiveFrom;
    }

    public PipelineDefinition current() {
        return versions.get(versions.size() - 1);
    }

    public Set<String> keysEverDefined() {
        return Set.copyOf(keysEverDefined);
    }

    /**
     * Completes a redefinition's mapping: every key of every earlier version must be mapped to a stage of {@code next}
     * or absorbed; a key that {@code next} still has maps to itself, and only to itself, since deal events carry stage
     * keys and no version. Returns the complete mapping, in the order the keys were first defined, or the violations
     * found.
     */
    public MappingResult completeMapping(PipelineDefinition next, List<StageMapping> given) {
        List<Violation> violations = new ArrayList<>();
        Map<String, StageMapping> byKey = new HashMap<>();
        List<StageMapping> mapping = given == null ? List.of() : given;
        for (int i = 0; i < mapping.size(); i++) {
            StageMapping entry = mapping.get(i);
            String at = "mapping[" + i + "]";
            if (entry == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            String fromProblem = Keys.problemWith(entry.from());
            if (fromProblem != null) {
                violations.add(new Violation(at + ".from", fromProblem));
                continue;
            }
            if (!keysEverDefined.contains(entry.from())) {
                violations.add(new Violation(at + ".from", "'" + entry.from()
                        + "' is not a stage of any earlier version of this pipeline"));
            } else if (byKey.putIfAbsent(entry.from(), entry) != null) {
                violations.add(new Violation(at + ".from", "'" + entry.from() + "' is mapped more than once"));
            } else if (next.hasStage(entry.from()) && (entry.absorbed() || !entry.from().equals(entry.to()))) {
                violations.add(new Violation(at + ".from", "'" + entry.from() + "' is still a stage of the new version, "
                        + "so it maps to itself: leave it out of the mapping, or drop or rename the stage"));
            }
            if (entry.absorbed() && entry.to() != null) {
                violations.add(new Violation(at + ".to", "must be empty when the stage is absorbed"));
            } else if (!entry.absorbed() && entry.to() == null) {
                violations.add(new Violation(at + ".to", "is required unless the stage is absorbed"));
            } else if (!entry.absorbed() && !next.hasStage(entry.to())) {
                violations.add(new Violation(at + ".to", "'" + entry.to() + "' is not a stage of the new version"));
            }
        }
        List<StageMapping> complete = new ArrayList<>();
        for (String key : keysEverDefined) {
            StageMapping explicit = byKey.get(key);
            if (explicit != null) {
                complete.add(explicit);
            } else if (next.hasStage(key)) {
                complete.add(StageMapping.to(key, key));
            } else {
                violations.add(new Violation("mapping", "stage '" + key
                        + "' of an earlier version is neither mapped to a stage of the new version nor absorbed"));
            }
        }
        return new MappingResult(List.copyOf(complete), List.copyOf(violations));
    }

    /** A complete mapping, or the reasons it could not be completed. */
    public record MappingResult(List<StageMapping> mapping, List<Violation> violations) {
    }
}
