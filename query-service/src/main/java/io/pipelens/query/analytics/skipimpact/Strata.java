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
     * @throws IllegalArgumentException when {@code adjustFor} holds a null
     */
    public static Strata of(List<VersionedJourney> deals, Collection<AdjustFor> adjustFor) {
        Gatherer gatherer = new Gatherer(adjustFor);
        deals.forEach(gatherer::add);
        return gatherer.strata();
    }

    /**
     * Takes the deals one at a time, so that a caller already going over them builds the strata without reading them
     * again. Every attribute's values are numbered as the deals come (a deal's level of the attribute); then the
     * levels so far are combined with the next attribute's and the combinations renumbered in order of first
     * appearance, in int arrays: no key object is made per deal.
     */
    static final class Gatherer {

        private final Set<AdjustFor> chosen = EnumSet.noneOf(AdjustFor.class);
        private final AdjustFor[] attributes;
        private final Numbering[] numberings;
        private final AmountBands amounts;
        private final List<VersionedJourney> deals = new ArrayList<>();
        private int[][] level;

        /** @throws IllegalArgumentException when {@code adjustFor} holds a null */
        Gatherer(Collection<AdjustFor> adjustFor) {
            for (AdjustFor attribute : adjustFor == null ? List.<AdjustFor>of() : adjustFor) {
                if (attribute == null) {
                    throw new IllegalArgumentException("adjustFor: must not contain null");
                }
                chosen.add(attribute);
            }
            attributes = chosen.toArray(AdjustFor[]::new);
            numberings = new Numbering[attributes.length];
            Arrays.setAll(numberings, a -> new Numbering());
            amounts = chosen.contains(AdjustFor.AMOUNT_BAND) ? new AmountBands() : null;
            level = new int[attributes.length][64];
        }

        /** Takes the next deal; its index is the number of deals taken before it. */
        void add(VersionedJourney deal) {
            int i = deals.size();
            if (attributes.length > 0 && i == level[0].length) {
                for (int a = 0; a < level.length; a++) {
                    level[a] = Arrays.copyOf(level[a], 2 * i);
                }
            }
            for (int a = 0; a < attributes.length; a++) {
                if (attributes[a] == AdjustFor.AMOUNT_BAND) {
                    amounts.add(deal);
                } else {
                    level[a][i] = numberings[a].of(value(deal, attributes[a]));
                }
            }
            deals.add(deal);
        }

        /** The deals taken so far. */
        int size() {
            return deals.size();
        }

        /** The strata of the deals taken. */
        Strata strata() {
            int size = deals.size();
            int[] bands = amounts == null ? null : amounts.bands();
            int[] combination = new int[size];
            int combinations = 1;
            for (int a = 0; a < attributes.length; a++) {
                boolean band = attributes[a] == AdjustFor.AMOUNT_BAND;
                combinations = combine(combination, combinations, band ? bands : level[a],
                        band ? 5 : numberings[a].count());
            }
            int count = combine(combination, combinations, new int[size], 1);
            int[] firstDeal = new int[count];
            for (int i = size - 1; i >= 0; i--) {
                firstDeal[combination[i]] = i;
            }
            return new Strata(Collections.unmodifiableSet(chosen), deals, bands, combination, firstDeal);
        }
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
