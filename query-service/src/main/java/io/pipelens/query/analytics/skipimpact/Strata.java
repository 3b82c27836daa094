package io.pipelens.query.analytics.skipimpact;

import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strata of a list of deals (DESIGN §9.2): every distinct combination of the chosen attributes' values is a
 * stratum, numbered from 0 in the order the deals first show it. A missing value (null) is a level of its own, so a
 * deal without an owner is in another stratum than every owned deal. With no attribute chosen, every deal is in
 * stratum 0.
 */
public final class Strata {

    /** Above this many combinations of levels, they are numbered through a hash map instead of a table. */
    private static final int MAX_TABLE = 1 << 20;

    private final Set<AdjustFor> adjustFor;
    private final List<VersionedJourney> deals;
    private final int[] bands;
    private final int[] stratumOf;
    private final int[] firstDeal;

    private Strata(Set<AdjustFor> adjustFor, List<VersionedJourney> deals, int[] bands, int[] stratumOf,
                   int[] firstDeal) {
        this.adjustFor = adjustFor;
        this.deals = deals;
        this.bands = bands;
        this.stratumOf = stratumOf;
        this.firstDeal = firstDeal;
    }

    /**
     * The strata of {@code deals} by {@code adjustFor} (order and repetition do not matter; null or empty makes one
     * stratum). Amount bands are the quartiles among {@code deals}, so pass every deal of the population, open ones
     * included.
     *
     * <p>Every attribute's values are numbered first (a deal's level of the attribute), then the levels so far are
     * combined with the next attribute's and the combinations renumbered in order of first appearance, so the deals
     * are read once per attribute and no key object is made per deal.
     *
     * @throws IllegalArgumentException when {@code adjustFor} holds a null
     */
    public static Strata of(List<VersionedJourney> deals, Collection<AdjustFor> adjustFor) {
        Set<AdjustFor> chosen = EnumSet.noneOf(AdjustFor.class);
        for (AdjustFor attribute : adjustFor == null ? List.<AdjustFor>of() : adjustFor) {
            if (attribute == null) {
                throw new IllegalArgumentException("adjustFor: must not contain null");
            }
            chosen.add(attribute);
        }
        List<AdjustFor> attributes = List.copyOf(chosen);
        int[][] level = new int[attributes.size()][deals.size()];
        Numbering[] levels = new Numbering[attributes.size()];
        Arrays.setAll(levels, a -> new Numbering());
        AmountBands amounts = chosen.contains(AdjustFor.AMOUNT_BAND) ? new AmountBands(deals.size()) : null;
        for (int i = 0; i < deals.size(); i++) {
            VersionedJourney deal = deals.get(i);
            for (int a = 0; a < level.length; a++) {
                if (attributes.get(a) == AdjustFor.AMOUNT_BAND) {
                    amounts.add(i, deal);
                } else {
                    level[a][i] = levels[a].of(value(deal, attributes.get(a)));
                }
            }
        }
        int[] bands = amounts == null ? null : amounts.bands();
        int[] combination = new int[deals.size()];
        int combinations = 1;
        for (int a = 0; a < level.length; a++) {
            boolean band = attributes.get(a) == AdjustFor.AMOUNT_BAND;
            combinations = combine(combination, combinations, band ? bands : level[a], band ? 5 : levels[a].count());
        }
        int count = combine(combination, combinations, new int[deals.size()], 1);
        int[] firstDeal = new int[count];
        for (int i = combination.length - 1; i >= 0; i--) {
            firstDeal[combination[i]] = i;
        }
        return new Strata(Collections.unmodifiableSet(chosen), deals, bands, combination, firstDeal);
    }

    private static Object value(VersionedJourney deal, AdjustFor attribute) {
        return switch (attribute) {
            case OWNER -> deal.owner();
            case SOURCE -> deal.source();
            case SEGMENT -> deal.segment();
            case OPENED_QUARTER -> openedQuarter(deal.openedAt());
            case AMOUNT_BAND -> throw new IllegalArgumentException("amount bands are numbered by AmountBands");
        };
    }

    /**
     * Replaces each deal's {@code combination} (below {@code combinations}) by the number, in order of first
     * appearance, of its pair (combination, level); returns the number of pairs seen.
     */
    private static int combine(int[] combination, int combinations, int[] level, int levels) {
        long size = (long) combinations * levels;
        int seen = 0;
        if (size <= MAX_TABLE) {
            int[] numbers = new int[(int) size];
            Arrays.fill(numbers, -1);
            for (int i = 0; i < combination.length; i++) {
                int pair = combination[i] * levels + level[i];
                if (numbers[pair] < 0) {
                    numbers[pair] = seen++;
                }
                combination[i] = numbers[pair];
            }
            return seen;
        }
        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < combination.length; i++) {
            Integer number = numbers.putIfAbsent((long) combination[i] * levels + level[i], seen);
            combination[i] = number == null ? seen++ : number;
        }
        return seen;
    }

    /** The UTC calendar quarter of an epoch-millisecond time, as {@code 2025-Q1}. */
    static String openedQuarter(long epochMillis) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        return at.getYear() + "-Q" + ((at.getMonthValue() + 2) / 3);
    }

    /** The number of strata. */
    public int count() {
        return firstDeal.length;
    }

    /** The stratum of the deal at {@code index} in the list the strata were built from. */
    public int of(int index) {
        return stratumOf[index];
    }

    /**
     * The values that define stratum {@code stratum}, one per chosen attribute in {@link AdjustFor} order (null for a
     * missing value; an amount band is an Integer, an opened quarter a String).
     */
    public List<Object> levels(int stratum) {
        VersionedJourney deal = deals.get(firstDeal[stratum]);
        List<Object> values = new ArrayList<>();
        for (AdjustFor attribute : adjustFor) {
            int band = attribute == AdjustFor.AMOUNT_BAND ? bands[firstDeal[stratum]] : AmountBands.NONE;
            values.add(attribute != AdjustFor.AMOUNT_BAND ? value(deal, attribute)
                    : band == AmountBands.NONE ? null : Integer.valueOf(band));
        }
        return Collections.unmodifiableList(values);
    }

    /** The attributes the strata are built from. */
    public Set<AdjustFor> adjustFor() {
        return adjustFor;
    }
}
