package io.pipelens.kernel.pipeline;

import io.pipelens.kernel.Keys;
import io.pipelens.kernel.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ordered stages of one pipeline version, with the rules every version must satisfy. */
public record PipelineDefinition(List<StageDefinition> stages) {

    public static final int MAX_STAGES = 50;
    public static final int MAX_CRITERIA = 20;
    private static final int MAX_TEXT = 500;

    public PipelineDefinition {
        stages = stages == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    /** Position of the stage with {@code key}, from 1, or 0 when there is none. */
    public int positionOf(String key) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).key().equals(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    public boolean hasStage(String key) {
        return positionOf(key) > 0;
    }

    public Optional<StageDefinition> stage(String key) {
        int position = positionOf(key);
        return position == 0 ? Optional.empty() : Optional.of(stages.get(position - 1));
    }

    public List<String> keys() {
        return stages.stream().map(StageDefinition::key).toList();
    }

    /**
     * What is wrong with {@code confirmed} on leaving {@code leaving} for {@code entering} (null: a win), or null when
     * it may be recorded. A list (null: not recorded, always fine) belongs to an exit only: a win, or a move to a later
     * stage of this definition; its keys must be distinct items of the stage left.
     *
     * @param version how this definition is named in the reason, e.g. "version 2 of pipeline 'main'"
     */
    public String confirmationProblem(String leaving, String entering, List<String> confirmed, String version) {
        if (confirmed == null) {
            return null;
        }
        int from = positionOf(leaving);
        if (from == 0) {
            return "the deal is at stage '" + leaving + "', which " + version
                    + " does not define, so it has no exit criteria to confirm";
        }
        if (entering != null && positionOf(entering) <= from) {
            return "may only be given on a forward move or a win: '" + leaving + "' to '" + entering
                    + "' goes back in the order of " + version;
        }
        StageDefinition stage = stages.get(from - 1);
        Set<String> seen = new HashSet<>();
        for (String key : confirmed) {
            if (key == null) {
                return "must not hold null keys";
            }
            if (!seen.add(key)) {
                return "lists '" + key + "' more than once";
            }
            if (!stage.hasCriterion(key)) {
                return "'" + key + "' is not an exit criterion of stage '" + leaving + "' in " + version + "; "
                        + (stage.criteria() == null || stage.criteria().isEmpty() ? "the stage has no checklist"
                        : "its items are " + String.join(", ", stage.criteria().stream()
                        .map(CriterionDefinition::key).toList()));
            }
        }
        return null;
    }

    /**
     * Checks the stage list: at least one stage, none missing, valid and unique keys, names present, positive expected
     * days. The other methods expect a definition that passed this check.
     */
    public List<Violation> validate(String field) {
        List<Violation> violations = new ArrayList<>();
        if (stages.isEmpty()) {
            violations.add(new Violation(field, "must contain at least one stage"));
            return violations;
        }
        if (stages.size() > MAX_STAGES) {
            violations.add(new Violation(field, "has " + stages.size() + " stages; at most " + MAX_STAGES + " are allowed"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition stage = stages.get(i);
            String at = field + "[" + i + "]";
            if (stage == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            checkKey(at + ".key", stage.key(), seen, "duplicate stage key '" + stage.key() + "'", violations);
            if (stage.name() == null || stage.name().isBlank()) {
                violations.add(new Violation(at + ".name", "is required"));
            }
            checkLength(at + ".name", stage.name(), violations);
            checkLength(at + ".goal", stage.goal(), violations);
            checkLength(at + ".exitCriterion", stage.exitCriterion(), violations);
            checkCriteria(at + ".criteria", stage.criteria(), violations);
            if (stage.expectedDays() != null && stage.expectedDays() <= 0) {
                violations.add(new Violation(at + ".expectedDays", "must be a positive number of days, was "
                        + stage.expectedDays()));
            }
        }
        return violations;
    }

    /** A checklist is optional; when given, its items have valid keys unique within the stage and a text. */
    private static void checkCriteria(String field, List<CriterionDefinition> criteria, List<Violation> violations) {
        if (criteria == null) {
            return;
        }
        if (criteria.size() > MAX_CRITERIA) {
            violations.add(new Violation(field, "has " + criteria.size() + " items; at most " + MAX_CRITERIA
                    + " are allowed"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionDefinition item = criteria.get(i);
            String at = field + "[" + i + "]";
            if (item == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            checkKey(at + ".key", item.key(), seen, "duplicate criterion key '" + item.key() + "' in this stage",
                    violations);
            if (item.text() == null || item.text().isBlank()) {
                violations.add(new Violation(at + ".text", "is required"));
            }
            checkLength(at + ".text", item.text(), violations);
        }
    }

    /** A key is valid and not among {@code seen}; it joins them. */
    private static void checkKey(String field, String key, Set<String> seen, String duplicate,
                                 List<Violation> violations) {
        String keyProblem = Keys.problemWith(key);
        if (keyProblem != null) {
            violations.add(new Violation(field, keyProblem));
        } else if (!seen.add(key)) {
            violations.add(new Violation(field, duplicate));
        }
    }

    private static void checkLength(String field, String value, List<Violation> violations) {
        if (value != null && value.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
