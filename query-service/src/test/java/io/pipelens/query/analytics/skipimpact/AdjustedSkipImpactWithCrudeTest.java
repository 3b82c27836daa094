package io.pipelens.query.analytics.skipimpact;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Scenarios;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crude figures the adjusted answer takes from its strata (summed) are exactly those {@link SkipImpact} counts
 * over the same deals, and the adjusted ones those {@link AdjustedSkipImpact#compute} gives alone; on the random
 * histories of {@link AdjustedSkipImpactMatchesOracleTest}, whose populations, slices and attributes vary.
 */
class AdjustedSkipImpactWithCrudeTest {

    static LongStream seeds() {
        return Scenarios.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSummedStrataGiveTheCrudeFigures(long seed) {
        StratifiedHistories.Scenario scenario = StratifiedHistories.scenario(seed);
        AnalyticVersion version = Deals.versionOne(scenario.stages().toArray(String[]::new));
        AnalyticIndex index = Deals.index(version, scenario.histories());

        AdjustedSkipImpact.Both both = AdjustedSkipImpact.withCrude(version, index.deals(), scenario.population(),
                scenario.slice(), scenario.adjustFor());

        assertThat(both.crude()).isEqualTo(SkipImpact.compute(version, index.deals(), scenario.population(),
                scenario.slice()));
        assertThat(both.adjusted()).isEqualTo(AdjustedSkipImpact.compute(version, index.deals(),
                scenario.population(), scenario.slice(), scenario.adjustFor()));
    }
}
