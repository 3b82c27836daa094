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

    private final Set<AdjustFor> adjustFor;
    private final int[] stratumOf;
    private final List<List<Object>> levels;

    private Strata(Set<AdjustFor> adjustFor, int[] stratumOf, List<List<Object>> levels) {
        this.adjustFor = adjustFor;
        this.stratumOf = stratumOf;
        this.levels = levels;
    }

    /**
     * The strata of {@code deals} by {@code adjustFor} (order and repetition do not matter; null or empty makes one
     * stratum). Amount bands are the quartiles among {@code deals}, so pass every deal of the population, open ones
     * included.
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
        AmountBands bands = chosen.contains(AdjustFor.AMOUNT_BAND) ? AmountBands.of(deals) : null;
        Map<List<Object>, Integer> numbers = new HashMap<>();
        List<List<Object>> levels = new ArrayList<>();
        int[] stratumOf = new int[deals.size()];
        for (int i = 0; i < stratumOf.length; i++) {
            List<Object> key = key(deals.get(i), chosen, bands);
            Integer number = numbers.get(key);
            if (number == null) {
                number = levels.size();
                numbers.put(key, number);
                levels.add(key);
            }
            stratumOf[i] = number;
        }
        return new Strata(Collections.unmodifiableSet(chosen), stratumOf, List.copyOf(levels));
    }

    private static List<Object> key(VersionedJourney deal, Set<AdjustFor> chosen, AmountBands bands) {
        Object[] values = new Object[chosen.size()];
        int i = 0;
        for (AdjustFor attribute : chosen) {
            values[i++] = switch (attribute) {
                case OWNER -> deal.owner();
                case SOURCE -> deal.source();
                case SEGMENT -> deal.segment();
                case AMOUNT_BAND -> bands.band(deal);
                case OPENED_QUARTER -> openedQuarter(deal.openedAt());
            };
        }
        return Arrays.asList(values);
    }

    /** The UTC calendar quarter of an epoch-millisecond time, as {@code 2025-Q1}. */
    static String openedQuarter(long epochMillis) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        return at.getYear() + "-Q" + ((at.getMonthValue() + 2) / 3);
    }

    /** The number of strata. */
    public int count() {
        return levels.size();
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
        return levels.get(stratum);
    }

    /** The attributes the strata are built from. */
    public Set<AdjustFor> adjustFor() {
        return adjustFor;
    }
}
