package io.pipelens.query.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.oracle.ForecastOracle;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's probabilities against a seeded simulation of the fitted chain: from every state whose probabilities
 * are known, 10,000 walks over the oracle's fitted transition rows, counting walks absorbed in WON within h steps and
 * at all (a walk still open after 1,000 steps counts as not won; a state that cannot reach absorption never is). Each
 * estimate must lie within 3 standard errors √(p(1 − p) ÷ N) of the engine's p.
 */
class ForecastMonteCarloTest {

    private static final int WALKS = 10_000;
    private static final int LONGEST = 1_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {12, 27})
    void probabilitiesAgreeWithSimulation(long seed) {
        ForecastHistories.Scenario scenario = ForecastHistories.scenario(seed, 250, false);
        int weeks = 6;
        AnalyticIndex index = scenario.index();
        ForecastReport engine = Forecast.compute(index.version(), index.deals(), scenario.asOf(), weeks);
        ForecastOracle oracle = scenario.oracle();
        double[][] rows = oracle.fit(scenario.deals(), scenario.asOf().toEpochMilli(), weeks).rows();
        SplittableRandom random = new SplittableRandom(seed);
        int checked = 0;
        for (int a = 0; a < engine.states().size(); a++) {
            StateForecast state = engine.states().get(a);
            if (state.winWithinHorizon() == null) {
                continue;
            }
            int withinWins = 0;
            int eventualWins = 0;
            for (int walk = 0; walk < WALKS; walk++) {
                int at = a;
                for (int step = 1; step <= LONGEST && at < oracle.open(); step++) {
                    at = next(rows[at], random);
                    if (at == oracle.won()) {
                        eventualWins++;
                        withinWins += step <= weeks ? 1 : 0;
                    }
                }
            }
            String name = "seed " + seed + " state " + state.stage() + "/" + state.ageBand();
            assertWithinThreeErrors(name + " within", state.winWithinHorizon(), withinWins);
            assertWithinThreeErrors(name + " eventual", state.eventualWin(), eventualWins);
            checked++;
        }
        assertThat(checked).as("states simulated").isGreaterThan(4);
    }

    private static int next(double[] row, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int b = 0; b < row.length; b++) {
            cumulative += row[b];
            if (u < cumulative) {
                return b;
            }
        }
        // rounding left the row's sum just under 1: the last state with any probability
        int last = row.length - 1;
        while (row[last] == 0) {
            last--;
        }
        return last;
    }

    private static void assertWithinThreeErrors(String what, double p, int wins) {
        double estimate = (double) wins / WALKS;
        double error = Math.sqrt(Math.max(0, p * (1 - p)) / WALKS);
        assertThat(Math.abs(estimate - p)).as(what + ": engine %.6f, simulated %.6f, 3 SE %.6f", p, estimate,
                3 * error).isLessThanOrEqualTo(3 * error + 1e-12);
    }
}
