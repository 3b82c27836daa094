package io.pipelens.query.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Pipelines;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With no skips and no moves back, and every event on the weekly grid (each week a deal moves on one stage, is won
 * from the last, or is lost), every deal seen at a grid instant has just entered its stage, and the forecast reduces
 * to the product of step conversions: the eventual win probability from stage j is Π_{i = j..n} c_i, where c_i is the
 * share of the deals seen at stage i in the 52 weeks that moved on (or were won from the last stage) a week later,
 * tallied here from the generated scripts; within h weeks it is the same product when h ≥ n − j + 1, else 0.
 */
class StepConversionTest {

    private static final long WEEK = 7 * 86_400_000L;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void forecastIsTheProductOfStepConversions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextInt(2, 6);
        String[] keys = new String[n];
        double[] chance = new double[n + 1];
        for (int j = 1; j <= n; j++) {
            keys[j - 1] = "s" + j;
            chance[j] = 0.3 + 0.6 * random.nextDouble();
        }
        AnalyticVersion version = Pipelines.versionOne(keys);
        Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
        long f = asOf.toEpochMilli();
        long[] seen = new long[n + 1];
        long[] movedOn = new long[n + 1];
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, version);
        for (int d = 0; d < 600; d++) {
            int week = random.nextInt(1, 80);
            int stage = random.nextInt(1, n + 1);
            DealHistory deal = DealHistory.deal("d" + d).openedAt(keys[stage - 1], Instant.ofEpochMilli(f - week * WEEK));
            while (week > 0) {
                boolean onward = random.nextDouble() < chance[stage];
                if (week <= 52) {
                    // the pair from the grid instant `week` weeks before F to the next one
                    seen[stage]++;
                    movedOn[stage] += onward ? 1 : 0;
                }
                week--;
                Instant at = Instant.ofEpochMilli(f - week * WEEK);
                if (!onward) {
                    deal.lostAt(at);
                    break;
                }
                if (stage == n) {
                    deal.wonAt(at);
                    break;
                }
                stage++;
                deal.movedTo(keys[stage - 1], at);
            }
            index.upsert(deal.journey());
        }

        for (int weeks : new int[] {1, 2, n, n + 3}) {
            ForecastReport report = Forecast.compute(version, index.deals(), asOf, weeks);
            for (int j = 1; j <= n; j++) {
                double product = 1;
                for (int i = j; i <= n; i++) {
                    product *= (double) movedOn[i] / seen[i];
                }
                StateForecast state = report.states().get((j - 1) * ChainStates.BANDS);
                assertThat(state.ageBand()).isEqualTo(AgeBand.DAYS_0_7);
                assertThat(state.trainingPairs()).as("n(s%d)", j).isEqualTo(seen[j]);
                assertThat(state.eventualWin()).as("seed %d eventual from s%d", seed, j)
                        .isCloseTo(product, within(1e-9));
                assertThat(state.winWithinHorizon()).as("seed %d within %d weeks from s%d", seed, weeks, j)
                        .isCloseTo(weeks >= n - j + 1 ? product : 0, within(1e-9));
            }
        }
    }
}
