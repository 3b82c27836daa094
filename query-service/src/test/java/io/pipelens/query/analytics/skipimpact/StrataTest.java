package io.pipelens.query.analytics.skipimpact;

import static io.pipelens.query.analytics.skipimpact.Deals.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrataTest {

    private static final AnalyticVersion VERSION = Deals.versionOne("lead", "proposal");

    private static VersionedJourney worth(String amount, String currency) {
        return deal(amount + currency).with(null, null, null, amount, currency).through("lead").lostUnder(VERSION);
    }

    private static List<Object> bandsOf(List<VersionedJourney> deals) {
        Strata strata = Strata.of(deals, Set.of(AdjustFor.AMOUNT_BAND));
        List<Object> bands = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            bands.add(strata.levels(strata.of(i)).get(0));
        }
        return bands;
    }

    @Test
    void amountBandsAreNearestRankQuartilesWithTheBoundaryInTheLowerBand() {
        // 8 amounts: Q1 = rank ⌈2⌉ = 20, Q2 = rank 4 = 40, Q3 = rank 6 = 60
        List<VersionedJourney> deals = new ArrayList<>();
        for (int amount = 10; amount <= 80; amount += 10) {
            deals.add(worth(Integer.toString(amount), "EUR"));
        }

        assertThat(bandsOf(deals)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void quartileRanksRoundUp() {
        // 5 amounts: ranks ⌈1.25⌉ = 2, ⌈2.5⌉ = 3, ⌈3.75⌉ = 4 -> Q1 = 2, Q2 = 3, Q3 = 4
        List<VersionedJourney> deals = new ArrayList<>();
        for (int amount = 1; amount <= 5; amount++) {
            deals.add(worth(Integer.toString(amount), "EUR"));
        }

        assertThat(bandsOf(deals)).containsExactly(1, 1, 2, 3, 4);
    }

    @Test
    void tiedAmountsShareTheirBand() {
        // 100, 100, 100, 100, 200: Q1 = Q2 = Q3 = 100 -> every 100 in band 1, 200 above Q3
        List<VersionedJourney> deals = List.of(worth("100", "EUR"), worth("100", "EUR"), worth("100", "EUR"),
                worth("100", "EUR"), worth("200", "EUR"));

        assertThat(bandsOf(deals)).containsExactly(1, 1, 1, 1, 4);
    }

    @Test
    void eachCurrencyHasItsOwnQuartilesAndAnAmountWithoutCurrencyIsACurrencyOfItsOwn() {
        // EUR 1..4 -> bands 1..4; USD 1000, 2000 -> Q1 = Q2 = 1000, Q3 = 2000; no currency: one amount, band 1;
        // no amount: no band
        List<VersionedJourney> deals = List.of(worth("1", "EUR"), worth("2", "EUR"), worth("3", "EUR"),
                worth("4", "EUR"), worth("1000", "USD"), worth("2000", "USD"), worth("3", null),
                worth(null, "EUR"));

        assertThat(bandsOf(deals)).containsExactly(1, 2, 3, 4, 1, 3, 1, null);
    }

    @Test
    void openDealsCountInTheQuartiles() {
        // the open deal's 1000 makes Q3 = 1000 (rank 3 of 3); without it Q3 of {10, 20} would be 20
        VersionedJourney open = deal("open").with(null, null, null, "1000", "EUR").through("lead")
                .openUnder(VERSION);
        List<VersionedJourney> deals = List.of(worth("10", "EUR"), worth("20", "EUR"), open);

        assertThat(bandsOf(deals)).containsExactly(1, 2, 3);
    }

    @Test
    void openedQuarterIsTheUtcCalendarQuarter() {
        assertThat(Strata.openedQuarter(Instant.parse("2025-03-31T23:59:59.999Z").toEpochMilli()))
                .isEqualTo("2025-Q1");
        assertThat(Strata.openedQuarter(Instant.parse("2025-04-01T00:00:00Z").toEpochMilli())).isEqualTo("2025-Q2");
        assertThat(Strata.openedQuarter(Instant.parse("2025-09-30T23:00:00Z").toEpochMilli())).isEqualTo("2025-Q3");
        assertThat(Strata.openedQuarter(Instant.parse("2025-12-31T23:59:59Z").toEpochMilli())).isEqualTo("2025-Q4");
        assertThat(Strata.openedQuarter(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())).isEqualTo("2026-Q1");
    }

    @Test
    void strataAreTheCombinationsOfTheChosenValuesAndAMissingValueIsALevel() {
        List<VersionedJourney> deals = List.of(
                deal("1").with("ann", "web", null, null, null).through("lead").lostUnder(VERSION),
                deal("2").with("ann", "referral", null, null, null).through("lead").lostUnder(VERSION),
                deal("3").with("ann", "web", "smb", null, null).through("lead").lostUnder(VERSION),
                deal("4").with(null, "web", null, null, null).through("lead").lostUnder(VERSION),
                deal("5").with(null, "web", null, null, null).openedAt(Instant.parse("2025-07-01T00:00:00Z"))
                        .through("lead").lostUnder(VERSION));

        // the order asked for does not matter: levels follow the AdjustFor order
        Strata strata = Strata.of(deals, List.of(AdjustFor.SOURCE, AdjustFor.OWNER, AdjustFor.SOURCE));

        assertThat(strata.count()).isEqualTo(3);
        assertThat(List.of(strata.of(0), strata.of(1), strata.of(2), strata.of(3), strata.of(4)))
                .containsExactly(0, 1, 0, 2, 2);
        assertThat(strata.levels(1)).containsExactly("ann", "referral");
        assertThat(strata.levels(2)).isEqualTo(Arrays.asList(null, "web"));

        Strata byQuarter = Strata.of(deals, List.of(AdjustFor.OPENED_QUARTER));
        assertThat(byQuarter.count()).isEqualTo(2);
        assertThat(byQuarter.levels(byQuarter.of(4))).containsExactly("2025-Q3");
        assertThat(Strata.of(deals, List.of()).count()).isEqualTo(1);
        assertThat(Strata.of(deals, null).count()).isEqualTo(1);
    }

    @Test
    void anUnknownValueIsRefusedNamingTheFieldAndTheValuesAccepted() {
        assertThat(AdjustFor.of("AMOUNT_BAND")).isEqualTo(AdjustFor.AMOUNT_BAND);
        assertThatThrownBy(() -> AdjustFor.of("REGION"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustFor: unknown value 'REGION'; expected one of OWNER, SOURCE, SEGMENT, AMOUNT_BAND, "
                        + "OPENED_QUARTER");
        assertThatThrownBy(() -> Strata.of(List.of(), Arrays.asList(AdjustFor.OWNER, null)))
                .hasMessageContaining("adjustFor");
    }
}
