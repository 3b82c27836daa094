package io.pipelens.query.analytics;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.pipeline.PipelineVersionView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pipeline version as the analytics see it: stages at positions 1..n, and where every recorded stage key goes.
 *
 * <p>A recorded (raw) key resolves under this version alone, because the mapping stored on a version is complete over
 * every key any earlier version defined:
 * <ol>
 *   <li>a key the mapping names goes where the mapping says: to a stage of this version, or absorbed;</li>
 *   <li>otherwise a key that is a stage of this version is that stage (version 1 has an empty mapping: identity);</li>
 *   <li>otherwise the key is unknown to this version (it was introduced by a later version) and is treated as
 *       absorbed.</li>
 * </ol>
 * The mapping wins over rule 2 when both apply, since a key's recorded visits cannot tell which version they were
 * recorded under.
 */
public final class AnalyticVersion {

    /** Position returned for a key whose time belongs to a neighbouring stage. */
    public static final int ABSORBED = 0;

    /** Positions are kept in a {@code long} bit set, so a version may have at most this many stages. */
    public static final int MAX_STAGES = 63;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final int number;
    private final List<StageDefinition> stages;
    private final Map<String, Integer> positions;

    private AnalyticVersion(int number, List<StageDefinition> stages, Map<String, Integer> positions) {
        this.number = number;
        this.stages = stages;
        this.positions = positions;
    }

    public static AnalyticVersion of(PipelineVersionView view) {
        return of(view.version(), view.stages(), view.mapping());
    }

    /**
     * @param number  the version number, from 1
     * @param stages  the ordered stages of the version
     * @param mapping where keys of earlier versions go; empty (or null) for version 1
     * @throws IllegalArgumentException when there are no stages, too many, or a mapping names a stage the version
     *                                  does not have
     */
    public static AnalyticVersion of(int number, List<StageDefinition> stages, List<StageMapping> mapping) {
        if (stages == null || stages.isEmpty() || stages.size() > MAX_STAGES) {
            throw new IllegalArgumentException("a version needs 1 to " + MAX_STAGES + " stages");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            positions.put(stages.get(i).key(), i + 1);
        }
        Map<String, Integer> resolved = new HashMap<>(positions);
        for (StageMapping entry : mapping == null ? List.<StageMapping>of() : mapping) {
            if (entry.absorbed()) {
                resolved.put(entry.from(), ABSORBED);
            } else {
                Integer target = positions.get(entry.to());
                if (target == null) {
                    throw new IllegalArgumentException("mapping of '" + entry.from() + "' names '" + entry.to()
                            + "', which is not a stage of version " + number);
                }
                resolved.put(entry.from(), target);
            }
        }
        return new AnalyticVersion(number, List.copyOf(stages), Map.copyOf(resolved));
    }

    public int number() {
        return number;
    }

    public int stageCount() {
        return stages.size();
    }

    public List<StageDefinition> stages() {
        return stages;
    }

    /** The stage at {@code position}, from 1. */
    public StageDefinition stage(int position) {
        return stages.get(position - 1);
    }

    public String key(int position) {
        return stage(position).key();
    }

    /** Position (1..n) a recorded key maps to under this version, or {@link #ABSORBED}. */
    public int positionOf(String rawKey) {
        Integer position = positions.get(rawKey);
        return position == null ? ABSORBED : position;
    }

    /** The stage's expected time in stage in milliseconds, or -1 when it sets none. */
    public long expectedMillis(int position) {
        Integer days = stage(position).expectedDays();
        return days == null ? -1 : days * MILLIS_PER_DAY;
    }
}
