package io.pipelens.query.analytics.velocity;

import static io.pipelens.query.analytics.DealHistory.deal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.analytics.Pipelines;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.Slice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SalesVelocityTest {

    @Test
    void velocityPerCurrencyWithItsFourFactors() {
        VelocityReport report = SalesVelocity.compute(Pipelines.index(Pipelines.versionOne("a", "b"),
                deal("e1").worth("1000", "EUR").openedAt("a", 0).movedTo("b", 4).wonAt(10),
                deal("e2").worth("3000", "EUR").openedAt("a", 0).wonAt(20),
                deal("e3").worth(null, "EUR").openedAt("a", 0).wonAt(30),
                deal("e4").worth("500", "EUR").openedAt("a", 0).lostAt(1),
                deal("e5").worth("700", "EUR").openedAt("a", 0),
                deal("e6").worth("900", "EUR").openedAt("b", 5),
                deal("u1").worth("100", "USD").openedAt("a", 0),
                deal("x1").openedAt("a", 0).wonAt(1)), Population.ALL, Slice.ALL);

        // EUR: 2 open; won amounts 1000 and 3000 (e3 has none) -> 2000; win rate 3 / 4; days to win 10, 20, 30 -> 20
        // velocity = 2 · 2000 · 0.75 / 20 = 150 per day
        assertThat(report.currencies()).containsExactly(
                new CurrencyVelocity("EUR", 2, 3, 1, 2000.0, 0.75, 20.0, 150.0),
                new CurrencyVelocity("USD", 1, 0, 0, null, null, null, null));
        assertThat(report.deals()).as("x1 has no currency, but was selected").isEqualTo(8);
    }

    @Test
    void daysToWinRunFromOpeningToTheWinningClose() {
        // lost on day 2, reopened on day 5, won on day 6: the sales cycle is 6 days, closed time included
        VelocityReport report = SalesVelocity.compute(Pipelines.index(Pipelines.versionOne("a"),
                deal("e1").worth("10", "EUR").openedAt("a", 0).lostAt(2).reopenedInto("a", 5).wonAt(6)),
                Population.ALL, Slice.ALL);

        assertThat(report.currencies().get(0).averageDaysToWin()).isEqualTo(6.0);
        assertThat(report.currencies().get(0).velocityPerDay()).as("no open deal").isEqualTo(0.0);
    }

    @Test
    void theAverageWonAmountDoesNotDependOnTheOrderDealsWereProjectedIn() {
        // 0.1 + 0.2 + 0.3 differs from 0.3 + 0.2 + 0.1 in doubles; many such amounts, met in two orders
        List<DealHistory> deals = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            String amount = BigDecimal.valueOf(random.nextInt(1, 10_000_000), 2).toPlainString();
            deals.add(deal("w" + i).worth(amount, "EUR").openedAt("a", 0).wonAt(1 + i % 30));
        }
        List<DealHistory> reversed = new ArrayList<>(deals);
        Collections.reverse(reversed);

        Double forward = SalesVelocity.compute(Pipelines.index(Pipelines.versionOne("a"), deals.toArray(DealHistory[]::new)),
                Population.ALL, Slice.ALL).currencies().get(0).averageWonAmount();
        Double backward = SalesVelocity.compute(Pipelines.index(Pipelines.versionOne("a"),
                reversed.toArray(DealHistory[]::new)), Population.ALL, Slice.ALL).currencies().get(0).averageWonAmount();

        BigDecimal exact = deals.stream().map(d -> d.journey().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(deals.size()), java.math.MathContext.DECIMAL64);
        assertThat(forward).isEqualTo(backward).isCloseTo(exact.doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
    }
}
