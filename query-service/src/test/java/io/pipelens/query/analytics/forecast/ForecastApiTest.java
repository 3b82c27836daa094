package io.pipelens.query.analytics.forecast;

import static io.pipelens.query.support.Violations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.query.QueryServiceTest;
import io.pipelens.query.deal.DealEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * forecast and forecastBacktest over GraphQL, and the refusals of bad input, each naming its field.
 *
 * <pre>
 * 20 deals opened in contact on days −100, −98, …, −62, each closed 10 days later: won when even, lost when odd
 * open at day 0: fa-new, opened day −3 (EUR 1000); fa-old, opened day −20 (USD 500)
 * </pre>
 */
@QueryServiceTest
class ForecastApiTest {

    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String PIPELINE = "forecast-api";
    private static boolean published;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private HttpGraphQlTester graphQl;
    @Autowired
    private ForecastGauges gauges;
    @Autowired
    private MeterRegistry meters;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    @Test
    void forecastsTheOpenDealsAndBacktestsTheForecast() {
        publishHistory();
        String asOf = ", asOf: \"" + day(0) + "\"";
        await().atMost(WITHIN).untilAsserted(() -> forecast(", weeks: 4" + asOf)
                .path("forecast.openDeals").entity(Integer.class).isEqualTo(2));
        GraphQlTester.Response answer = forecast(", weeks: 4" + asOf);
        answer.path("forecast.weeks").entity(Integer.class).isEqualTo(4);
        answer.path("forecast.at").entity(Instant.class).isEqualTo(day(0));
        answer.path("forecast.states").entityList(Object.class).hasSize(4 * SolutionSalesTemplate.STAGES.size());
        answer.path("forecast.deals[0].dealId").entity(String.class).isEqualTo("fa-new");
        answer.path("forecast.deals[0].ageBand").entity(String.class).isEqualTo("DAYS_0_7");
        answer.path("forecast.deals[0].ageDays").entity(Double.class).isEqualTo(3.0);
        answer.path("forecast.deals[1].ageBand").entity(String.class).isEqualTo("DAYS_7_30");
        double first = answer.path("forecast.deals[0].winWithinHorizon").entity(Double.class).get();
        double second = answer.path("forecast.deals[1].winWithinHorizon").entity(Double.class).get();
        assertThat(first).isBetween(0.0, 1.0);
        answer.path("forecast.expectedWins").entity(Double.class)
                .satisfies(expected -> assertThat(expected).isCloseTo(first + second, within(1e-12)));
        answer.path("forecast.amounts[0].currency").entity(String.class).isEqualTo("EUR");
        answer.path("forecast.amounts[0].expectedAmount").entity(Double.class)
                .satisfies(amount -> assertThat(amount).isCloseTo(1000 * first, within(1e-9)));
        answer.path("forecast.winsInterval80.lower").entity(Integer.class)
                .satisfies(lower -> assertThat(lower).isBetween(0, 2));

        GraphQlTester.Response backtest = graphQl.document("{ forecastBacktest(pipelineId: \"" + PIPELINE
                + "\", weeks: 1, dates: 8" + asOf + ") { weeks openAtDates scored dates { at "
                + "predictions actualWins interval80 { lower upper } } model { brier logLoss expectedCalibrationError "
                + "intervalCoverage reliability { count } } baseline { brier } } }").execute();
        backtest.path("forecastBacktest.dates").entityList(Object.class).hasSize(8);
        backtest.path("forecastBacktest.dates[0].at").entity(Instant.class).isEqualTo(day(-7));
        backtest.path("forecastBacktest.model.reliability").entityList(Object.class).hasSize(10);
        backtest.path("forecastBacktest.scored").entity(Integer.class).satisfies(scored -> assertThat(scored)
                .isPositive());
    }

    @Test
    void exportsTheExpectedWinsOfTheNextFourWeeksAsGauges() {
        publishHistory();
        await().atMost(WITHIN).untilAsserted(() -> forecast(", weeks: 4").path("forecast.openDeals")
                .entity(Integer.class).isEqualTo(2));
        gauges.refresh();
        List<Double> expected = forecast(", weeks: 4").path("forecast.expectedWinsByWeek").entityList(Double.class)
                .get();
        for (int week = 1; week <= 4; week++) {
            double gauge = meters.get("pipelens.forecast.expected.wins").tags("pipeline", PIPELINE, "week",
                    String.valueOf(week)).gauge().value();
            assertThat(gauge).as("week %d", week).isCloseTo(expected.get(week - 1), within(1e-12));
        }
    }

    @Test
    void refusesBadInputNamingTheField() {
        String pipeline = "forecast-bad";
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(pipeline), 0,
                new PipelineDefinedEvent(pipeline, "Bad input", 1, SolutionSalesTemplate.STAGES, day(-400))));
        eventStore.publish(DealEvents.asMessages(List.of(
                new DealOpenedEvent("fb-1", pipeline, "contact", DealAttributes.NONE, day(-30)))));
        String asOf = ", asOf: \"" + day(0) + "\"";
        await().atMost(WITHIN).untilAsserted(() -> graphQl.document("{ forecast(pipelineId: \"" + pipeline + "\""
                + asOf + ") { openDeals } }").execute().path("forecast.openDeals").entity(Integer.class).isEqualTo(1));

        expectViolation(graphQl.document("{ forecast(pipelineId: \"" + pipeline + "\", weeks: 0) { openDeals } }")
                .execute(), "weeks");
        expectViolation(graphQl.document("{ forecast(pipelineId: \"" + pipeline + "\", weeks: 105) { openDeals } }")
                .execute(), "weeks");
        expectViolation(backtest(pipeline, ", weeks: -1" + asOf), "weeks");
        expectViolation(backtest(pipeline, ", dates: 0" + asOf), "dates");
        expectViolation(backtest(pipeline, ", dates: 261" + asOf), "dates");
        // the earliest date, day 0 − 7 × (13 + 26 − 1) days, is long before the only deal was opened
        expectViolation(backtest(pipeline, asOf), "dates");
        expectViolation(backtest(pipeline, ", weeks: 1, dates: 5, asOf: \"" + day(-31) + "\""), "dates");
        backtest(pipeline, ", weeks: 1, dates: 3" + asOf).path("forecastBacktest.dates")
                .entityList(Object.class).hasSize(3);
    }

    /** Once per test context, which the tests of this class share. */
    private void publishHistory() {
        if (published) {
            return;
        }
        published = true;
        eventStore.publish(new GenericDomainEventMessage<>("Pipeline", AggregateIds.pipeline(PIPELINE), 0,
                new PipelineDefinedEvent(PIPELINE, "Forecast", 1, SolutionSalesTemplate.STAGES, day(-400))));
        List<DealEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "fa-" + i;
            events.add(new DealOpenedEvent(id, PIPELINE, "contact", DealAttributes.NONE, day(-100 + 2 * i)));
            events.add(i % 2 == 0 ? new DealWonEvent(id, PIPELINE, "contact", day(-90 + 2 * i))
                    : new DealLostEvent(id, PIPELINE, "contact", "no budget", day(-90 + 2 * i)));
        }
        events.add(new DealOpenedEvent("fa-new", PIPELINE, "contact", new DealAttributes("ann", null, null,
                new BigDecimal("1000"), "EUR"), day(-3)));
        events.add(new DealOpenedEvent("fa-old", PIPELINE, "contact", new DealAttributes("ann", null, null,
                new BigDecimal("500"), "USD"), day(-20)));
        eventStore.publish(DealEvents.asMessages(events));
    }

    private GraphQlTester.Response forecast(String arguments) {
        return graphQl.document("{ forecast(pipelineId: \"" + PIPELINE + "\"" + arguments + ") { openDeals weeks at "
                + "expectedWins expectedWinsByWeek winsInterval80 { lower upper } amounts { currency deals expectedAmount } states { stage "
                + "ageBand trainingPairs pooled winWithinHorizon eventualWin } deals { dealId stage ageBand ageDays "
                + "winWithinHorizon eventualWin } context { deals } } }").execute();
    }

    private GraphQlTester.Response backtest(String pipeline, String arguments) {
        return graphQl.document("{ forecastBacktest(pipelineId: \"" + pipeline + "\"" + arguments + ") { dates { at } "
                + "} }").execute();
    }
}
