package io.pipelens.query.analytics.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.DealHistory;
import io.pipelens.query.deal.DealJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discovery over the raw steps the analytic index keeps gives the answer discovery gives over the stored journeys'
 * visits ({@link StageDiscoveryMatchesOracleTest} checks that one against the oracle): on the index as built, as of
 * earlier instants, and after the deals' later events have updated an index built from their earlier ones.
 */
class StageDiscoveryFromIndexTest {

    static Stream<Arguments> questions() {
        return StageDiscoveryMatchesOracleTest.questions();
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("questions")
    void theIndexStepsGiveTheAnswerOfTheStoredJourneys(long seed, DiscoveryQuestion question) {
        List<DealJourney> journeys = DiscoveryHistories.generate(seed, deals(seed));
        AnalyticIndex index = DiscoveryHistories.index(journeys);

        assertThat(StageDiscovery.compute(index.version(), index.deals(), question))
                .isEqualTo(StageDiscovery.compute(index, question, DiscoveryHistories.rawSteps(journeys)));
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("questions")
    void asOfAnInstantTheStepsAreThoseBegunByThen(long seed, DiscoveryQuestion question) {
        List<DealHistory> histories = DiscoveryHistories.histories(seed, deals(seed));
        AnalyticIndex index = DiscoveryHistories.index(histories.stream().map(DealHistory::journey).toList());
        for (double day = 0; day <= 70; day += 3.5) {
            Instant t = DealHistory.day(day);
            List<DealJourney> prefix = prefixes(histories, t);
            AnalyticIndex fresh = DiscoveryHistories.index(prefix);

            assertThat(StageDiscovery.compute(index.version(), index.dealsAsOf(t), question)).as("as of " + t)
                    .isEqualTo(StageDiscovery.compute(fresh, question, DiscoveryHistories.rawSteps(prefix)));
        }
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("questions")
    void laterEventsReplaceTheStepsTheIndexHeld(long seed, DiscoveryQuestion question) {
        List<DealHistory> histories = DiscoveryHistories.histories(seed, deals(seed));
        List<DealJourney> journeys = histories.stream().map(DealHistory::journey).toList();
        AnalyticIndex index = DiscoveryHistories.index(prefixes(histories, DealHistory.day(30)));
        index.upsertAll(journeys);

        assertThat(StageDiscovery.compute(index.version(), index.deals(), question))
                .isEqualTo(StageDiscovery.compute(DiscoveryHistories.index(journeys), question,
                        DiscoveryHistories.rawSteps(journeys)));
    }

    /** The update above means something only if the earlier index answered otherwise. */
    @Test
    void theEarlierIndexAnswersOtherwise() {
        DiscoveryQuestion question = new DiscoveryQuestion(20, DiscoveryBasis.WON, null, 0.5);
        long differing = LongStream.rangeClosed(1, 40).filter(seed -> {
            List<DealHistory> histories = DiscoveryHistories.histories(seed, deals(seed));
            List<DealJourney> journeys = histories.stream().map(DealHistory::journey).toList();
            AnalyticIndex earlier = DiscoveryHistories.index(prefixes(histories, DealHistory.day(30)));
            return !StageDiscovery.compute(earlier.version(), earlier.deals(), question).equals(
                    StageDiscovery.compute(DiscoveryHistories.index(journeys), question,
                            DiscoveryHistories.rawSteps(journeys)));
        }).count();
        assertThat(differing).isGreaterThan(30);
    }

    private static int deals(long seed) {
        return 40 + (int) (seed * 7 % 120);
    }

    /** Each deal's journey folded from its events up to t alone; deals not opened by then are left out. */
    private static List<DealJourney> prefixes(List<DealHistory> histories, Instant t) {
        List<DealJourney> journeys = new ArrayList<>();
        for (DealHistory history : histories) {
            List<DealEvent> prefix = history.events().stream().filter(event -> !event.occurredAt().isAfter(t))
                    .toList();
            if (!prefix.isEmpty()) {
                journeys.add(DealHistory.fold(prefix));
            }
        }
        return journeys;
    }
}
