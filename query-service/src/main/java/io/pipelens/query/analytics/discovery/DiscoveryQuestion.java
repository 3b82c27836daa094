package io.pipelens.query.analytics.discovery;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * What stage discovery is asked (DESIGN §9.3), checked: {@link #check()} before the pipeline is looked up,
 * {@link #reachedPosition(AnalyticVersion)} against the version discovery runs under.
 *
 * @param last         the sample's size: 1 to {@value #MAX_LAST}
 * @param reachedStage with basis REACHED, the stage a lost deal's highest position must reach
 * @param minCoverage  the share of the sample a step must cover to be proposed, 0 to 1
 */
public record DiscoveryQuestion(int last, DiscoveryBasis basis, String reachedStage, double minCoverage) {

    public static final int DEFAULT_LAST = 20;
    public static final double DEFAULT_MIN_COVERAGE = 0.5;
    public static final int MAX_LAST = 10_000;

    /** The question with the defaults of DESIGN §9.3 for what is not given. */
    public static DiscoveryQuestion of(Integer last, DiscoveryBasis basis, String reachedStage, Double minCoverage) {
        return new DiscoveryQuestion(last == null ? DEFAULT_LAST : last, basis == null ? DiscoveryBasis.WON : basis,
                reachedStage, minCoverage == null ? DEFAULT_MIN_COVERAGE : minCoverage);
    }

    /** @throws ViolationException naming every argument that is wrong in itself */
    public void check() {
        List<Violation> violations = new ArrayList<>();
        if (last < 1 || last > MAX_LAST) {
            violations.add(new Violation("last", "must be between 1 and " + MAX_LAST + ", was " + last));
        }
        if (basis == DiscoveryBasis.REACHED && (reachedStage == null || reachedStage.isBlank())) {
            violations.add(new Violation("reachedStage", "is required with basis REACHED: the stage a lost deal "
                    + "must have reached to be in the sample"));
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            violations.add(new Violation("minCoverage", "must be between 0 and 1, was " + minCoverage));
        }
        if (!violations.isEmpty()) {
            throw new ViolationException(violations);
        }
    }

    /**
     * The position of {@code reachedStage} under {@code version}, or 0 for basis WON.
     *
     * @throws ViolationException naming {@code reachedStage} when the version has no such stage
     */
    public int reachedPosition(AnalyticVersion version) {
        if (basis != DiscoveryBasis.REACHED) {
            return 0;
        }
        for (int position = 1; position <= version.stageCount(); position++) {
            if (version.key(position).equals(reachedStage)) {
                return position;
            }
        }
        throw new ViolationException("reachedStage", "'" + reachedStage + "' is not a stage of version "
                + version.number() + "; its stages are " + version.stages().stream().map(s -> s.key()).toList());
    }
}
