package io.pipelens.query.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.oracle.ForecastOracle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forecast and its backtest against {@link ForecastOracle} on seeded histories ({@link ForecastHistories}): the
 * counts of every transition exactly, every probability to 1e-9, the intervals exactly, the scores to 1e-9. Deals open
 * in no stage at an instant (every visit by then absorbed, DESIGN §10.1) have no state then: no pair starts from them
 * and they are not predicted.
 */
class ForecastMatchesOracleTest {

    private static final double TOLERANCE = 1e-9;

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    /** The seeds' weekly instants find deals open in no stage, so the checks above do not pass vacuously. */
    @Test
    void theSeedsHoldDealsOpenInNoStageOnTheGrid() {
        int inNoStage = 0;
        for (long seed : seeds().toArray()) {
            ForecastHistories.Scenario scenario = ForecastHistories.scenario(seed, 40 + (int) (seed * 13 % 160));
            ForecastOracle oracle = scenario.oracle();
            for (List<DealEvent> events : scenario.deals()) {
                for (int k = 0; k <= 52; k++) {
                    long w = scenario.asOf().toEpochMilli() - k * ForecastOracle.WEEK;
                    if (!events.get(0).occurredAt().isAfter(Instant.ofEpochMilli(w)) && oracle.stateAt(events, w) < 0) {
                        inNoStage++;
                    }
                }
            }
        }
        assertThat(inNoStage).isGreaterThan(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void forecastMatchesOracle(long seed) {
        ForecastHistories.Scenario scenario = ForecastHistories.scenario(seed, 40 + (int) (seed * 13 % 160));
        int weeks = 1 + (int) (seed * 7 % 30);
        AnalyticIndex index = scenario.index();
        ForecastReport engine = Forecast.compute(index.version(), index.deals(), scenario.asOf(), weeks);
        ForecastOracle.Answer oracle = scenario.oracle().forecast(scenario.deals(), scenario.asOf().toEpochMilli(),
                weeks);

        ForecastOracle.Chain chain = oracle.chain();
        for (int a = 0; a < engine.states().size(); a++) {
            StateForecast state = engine.states().get(a);
            String name = "seed " + seed + " state " + state.stage() + "/" + state.ageBand();
            assertThat(state.trainingPairs()).as(name + " n(a)").isEqualTo(sum(chain.counts()[a]));
            assertThat(state.pooled()).as(name + " pooled").isEqualTo(chain.pooled()[a]);
            assertClose(name + " within", state.winWithinHorizon(), chain.within()[a]);
            assertClose(name + " eventual", state.eventualWin(), chain.eventual()[a]);
        }
        assertThat(engine.deals()).as("open deals").hasSize(oracle.deals().size());
        for (int i = 0; i < engine.deals().size(); i++) {
            DealForecast deal = engine.deals().get(i);
            ForecastOracle.DealPrediction expected = oracle.deals().get(i);
            assertThat(deal.dealId()).isEqualTo(expected.dealId());
            assertThat(deal.ageBand().ordinal()).as(deal.dealId() + " band").isEqualTo(expected.state() % 4);
            assertClose(deal.dealId() + " within", deal.winWithinHorizon(), expected.within());
            assertClose(deal.dealId() + " eventual", deal.eventualWin(), expected.eventual());
        }
        assertThat(engine.expectedWins()).as("expected wins").isCloseTo(oracle.expectedWins(), within(TOLERANCE));
        assertThat(engine.expectedWinsByWeek()).as("weeks").hasSize(weeks);
        for (int k = 0; k < weeks; k++) {
            assertThat(engine.expectedWinsByWeek().get(k)).as("expected wins in week %d", k + 1)
                    .isCloseTo(oracle.expectedByWeek()[k], within(TOLERANCE));
        }
        assertThat(engine.winsInterval80()).as("80% interval")
                .isEqualTo(new WinCountInterval(oracle.lower(), oracle.upper()));
        assertThat(engine.amounts()).as("currencies").hasSize(oracle.amounts().size());
        for (CurrencyForecast amount : engine.amounts()) {
            double[] expected = oracle.amounts().get(amount.currency() == null ? "" : amount.currency());
            assertThat(amount.deals()).isEqualTo((int) expected[0]);
            assertThat(amount.openAmount()).isCloseTo(expected[1], within(TOLERANCE * expected[1]));
            assertThat(amount.expectedAmount()).isCloseTo(expected[2], within(TOLERANCE * Math.max(1, expected[2])));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void backtestMatchesOracle(long seed) {
        ForecastHistories.Scenario scenario = ForecastHistories.scenario(100 + seed, 40 + (int) (seed * 11 % 100));
        int weeks = 1 + (int) (seed % 8);
        int dates = 1 + (int) (seed * 5 % 8);
        // half the time the latest date is the scenario's end, where a stage may be new
        Instant asOf = seed % 2 == 0 ? scenario.asOf() : scenario.asOf().plus(Duration.ofDays(7L * weeks));
        AnalyticIndex index = scenario.index();
        BacktestReport engine = ForecastBacktest.compute(index.version(), index.deals(), asOf, weeks, dates);
        ForecastOracle.Backtest oracle = scenario.oracle().backtest(scenario.deals(), asOf.toEpochMilli(), weeks,
                dates);

        assertThat(engine.openAtDates()).as("open at the dates").isEqualTo(oracle.open());
        assertThat(engine.dates()).hasSize(dates);
        for (int i = 0; i < dates; i++) {
            BacktestDate date = engine.dates().get(i);
            ForecastOracle.Date expected = oracle.dates().get(i);
            String name = "seed " + seed + " date " + date.at();
            assertThat(date.at().toEpochMilli()).as(name).isEqualTo(expected.at());
            assertThat(date.predictions()).as(name + " predictions").isEqualTo(expected.predictions());
            assertThat(date.actualWins()).as(name + " wins").isEqualTo(expected.actualWins());
            assertThat(date.expectedWins()).as(name + " expected").isCloseTo(expected.expected(), within(TOLERANCE));
            assertThat(date.interval80()).as(name + " interval")
                    .isEqualTo(new WinCountInterval(expected.lower(), expected.upper()));
            assertThat(date.baselineExpectedWins()).as(name + " baseline expected")
                    .isCloseTo(expected.baselineExpected(), within(TOLERANCE));
            assertThat(date.baselineInterval80()).as(name + " baseline interval")
                    .isEqualTo(new WinCountInterval(expected.baselineLower(), expected.baselineUpper()));
        }
        assertScores("model", engine.model(), oracle.model());
        assertScores("baseline", engine.baseline(), oracle.baseline());
    }

    static void assertScores(String name, BacktestScores engine, ForecastOracle.Scores oracle) {
        if (oracle == null) {
            assertThat(engine).as(name).isNull();
            return;
        }
        assertThat(engine).as(name).isNotNull();
        assertThat(engine.predictions()).as(name + " n").isEqualTo(oracle.n());
        assertThat(engine.brier()).as(name + " Brier").isCloseTo(oracle.brier(), within(TOLERANCE));
        assertThat(engine.logLoss()).as(name + " log loss").isCloseTo(oracle.logLoss(), within(TOLERANCE));
        assertThat(engine.expectedCalibrationError()).as(name + " ECE").isCloseTo(oracle.ece(), within(TOLERANCE));
        if (oracle.coverage() == null) {
            assertThat(engine.intervalCoverage()).as(name + " coverage").isNull();
        } else {
            assertThat(engine.intervalCoverage()).as(name + " coverage").isCloseTo(oracle.coverage(),
                    within(TOLERANCE));
        }
        List<ReliabilityBin> bins = engine.reliability();
        for (int b = 0; b < 10; b++) {
            assertThat(bins.get(b).count()).as(name + " bin " + b).isEqualTo(oracle.binCount()[b]);
            if (oracle.binCount()[b] > 0) {
                assertThat(bins.get(b).meanP()).isCloseTo(oracle.binMeanP()[b], within(TOLERANCE));
                assertThat(bins.get(b).observedRate()).isCloseTo(oracle.binRate()[b], within(TOLERANCE));
            } else {
                assertThat(bins.get(b).meanP()).isNull();
            }
        }
    }

    private static void assertClose(String what, Double engine, Double oracle) {
        if (oracle == null) {
            assertThat(engine).as(what).isNull();
        } else {
            assertThat(engine).as(what).isNotNull().isCloseTo(oracle, within(TOLERANCE));
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
