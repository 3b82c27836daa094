package io.pipelens.kernel.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One stage of a pipeline version. A good stage is a goal reached in the client's head, with an exit criterion that
 * says when the client is there.
 *
 * <p>{@code criteria} joined the stage without a new event revision: it is written only when set, so a stage without
 * a checklist is exactly the JSON stored before it existed, and a stored stage reads back with null.
 *
 * @param key           stable identifier used by deal events
 * @param name          display name
 * @param goal          the client's state this stage aims at (optional, but an audit flags its absence)
 * @param exitCriterion what must be true to leave the stage (optional, but an audit flags its absence)
 * @param expectedDays  how long a deal is expected to stay; older deals count as stuck (optional)
 * @param criteria      the exit criterion as a checklist the seller confirms on leaving; null when there is none
 */
public record StageDefinition(String key, String name, String goal, String exitCriterion, Integer expectedDays,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<CriterionDefinition> criteria) {

    public StageDefinition {
        criteria = criteria == null ? null : Collections.unmodifiableList(new ArrayList<>(criteria));
    }

    /** A stage without a checklist. */
    public StageDefinition(String key, String name, String goal, String exitCriterion, Integer expectedDays) {
        this(key, name, goal, exitCriterion, expectedDays, null);
    }

    /** Whether {@code key} names an item of this stage's checklist. */
    public boolean hasCriterion(String key) {
        return criteria != null && criteria.stream().anyMatch(item -> item != null && item.key().equals(key));
    }
}
