package io.pipelens.query.analytics.forecast;

import static io.pipelens.query.analytics.DealHistory.deal;
import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.Pipelines;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A deal open at an instant in no stage of the version (every visit by then absorbed, DESIGN §10.1) has no state of
 * the chain then: no training pair starts from it and it is not predicted; once in a stage it is read like any deal.
 */
class ForecastInNoStageTest {

    /** Version 2 keeps a and b; the activity "call" is absorbed. */
    private static final AnalyticVersion AB = Pipelines.version(2, stages("a", "b"), StageMapping.absorbed("call"));
    private static final Instant F = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant daysBefore(int days) {
        return F.minus(Duration.ofDays(days));
    }

    @Test
    void aDealInNoStageAtFIsNotPredictedNorAPairsStart() {
        AnalyticIndex index = Pipelines.index(AB,
                deal("stays").openedAt("call", daysBefore(20)),
                deal("moves").openedAt("call", daysBefore(20)).movedTo("a", daysBefore(3)),
                deal("kept").openedAt("a", daysBefore(20)));

        ForecastReport report = Forecast.compute(AB, index.deals(), F, 4);

        assertThat(report.deals()).extracting(DealForecast::dealId).containsExactly("kept", "moves");
        assertThat(report.openDeals()).isEqualTo(2);
        // pairs from w = F − 7 and F − 14 days: "kept" at both, "moves" at neither (in no stage until F − 3 days)
        assertThat(report.trainingPairs()).isEqualTo(2);
        DealForecast moves = report.deals().get(1);
        assertThat(moves.stage()).isEqualTo("a");
        assertThat(moves.ageDays()).as("aged from its opening: the absorbed time is the stage's").isEqualTo(20);
    }

    @Test
    void aDealInNoStageAtABacktestDateIsNotOpenThereForTheBacktest() {
        AnalyticIndex index = Pipelines.index(AB,
                deal("moves").openedAt("call", daysBefore(20)).movedTo("a", daysBefore(3)),
                deal("kept").openedAt("a", daysBefore(20)));

        BacktestReport backtest = ForecastBacktest.compute(AB, index.deals(), F, 1, 1);

        assertThat(backtest.dates()).hasSize(1);
        assertThat(backtest.openAtDates()).as("open at F − 7 days in a stage: only kept").isEqualTo(1);
    }
}
