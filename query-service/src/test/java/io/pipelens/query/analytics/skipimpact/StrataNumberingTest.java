package io.pipelens.query.analytics.skipimpact;

import static io.pipelens.query.analytics.skipimpact.Deals.deal;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Strata number the deals as a plain map from each deal's list of values does, in order of first appearance: also
 * when a value is an equal but distinct string (deals built apart from the index share no instance), when a value is
 * missing, and when the combinations are too many for a table and go through a hash map.
 */
class StrataNumberingTest {

    private static final AnalyticVersion VERSION = Deals.versionOne("lead", "proposal");

    @Test
    void fewCombinationsWithEqualButDistinctValues() {
        Random random = new Random(7);
        List<VersionedJourney> deals = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // new String: equal values held by distinct instances
            deals.add(deal("d" + i).with(value(random, "owner-", 40), value(random, "source-", 5), value(random,
                    "segment-", 3), null, null).through("lead").lostUnder(VERSION));
        }

        assertNumberedAsByPlainMap(deals);
    }

    @Test
    void combinationsBeyondTheTable() {
        List<VersionedJourney> deals = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            // 1,200 owners × 1,100 sources exceed the table's 2^20 combinations
            deals.add(deal("d" + i).with("owner-" + (i * 7 % 1_200), "source-" + (i * 13 % 1_100),
                    i % 5 == 0 ? null : "segment-" + i % 3, null, null).through("lead").lostUnder(VERSION));
        }

        assertNumberedAsByPlainMap(deals);
    }

    private static String value(Random random, String prefix, int values) {
        int drawn = random.nextInt(values + 1);
        return drawn == values ? null : new String(prefix + drawn);
    }

    private static void assertNumberedAsByPlainMap(List<VersionedJourney> deals) {
        Strata strata = Strata.of(deals, List.of(AdjustFor.SEGMENT, AdjustFor.OWNER, AdjustFor.SOURCE));
        Map<List<Object>, Integer> numbers = new HashMap<>();
        List<List<Object>> levels = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            VersionedJourney deal = deals.get(i);
            List<Object> key = Arrays.asList(deal.owner(), deal.source(), deal.segment());
            Integer number = numbers.putIfAbsent(key, numbers.size());
            if (number == null) {
                levels.add(key);
            }
            assertThat(strata.of(i)).as("deal %d", i).isEqualTo(number == null ? numbers.size() - 1 : number);
        }
        assertThat(strata.count()).isEqualTo(levels.size());
        for (int s = 0; s < levels.size(); s++) {
            assertThat(strata.levels(s)).isEqualTo(levels.get(s));
        }
    }
}
