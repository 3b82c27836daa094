package io.pipelens.query.analytics;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.query.deal.AttributesAt;
import io.pipelens.query.deal.DealJourney;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The amount, currency and expected close date a deal had over time, exactly (the amount in decimal): what movement
 * reads at each event (DESIGN §10.3). Entry 0 took effect at the opening, entry i at the i-th attribute change; a deal
 * whose attributes never changed, or that was stored before the history was kept, has one entry with its current
 * values. Two arrays of primitives (per entry its time and amount's unscaled value; its close date as an epoch day
 * and amount's scale) and the shared currency strings, so a deal costs two small arrays and no object per change;
 * amounts too wide for a long keep their {@code BigDecimal}s.
 */
public final class AttributeTimeline {

    /** The epoch day of "no expected close date". */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private static final int NO_AMOUNT = Integer.MIN_VALUE;

    /** Per entry its time and its amount's unscaled value (0 without an amount or with a wide one). */
    private final long[] longs;
    /** Per entry its close date and its amount's scale ({@link #NO_AMOUNT} without one). */
    private final int[] ints;
    /** The currency of a one-entry timeline, or the array of them. */
    private final Object currencies;
    /** The amounts, when one of them is too wide for a long; else null. */
    private final BigDecimal[] wide;

    private AttributeTimeline(long[] longs, int[] ints, Object currencies, BigDecimal[] wide) {
        this.longs = longs;
        this.ints = ints;
        this.currencies = currencies;
        this.wide = wide;
    }

    static AttributeTimeline of(DealJourney journey, Interner interner) {
        List<AttributesAt> history = journey.attributeHistory();
        int size = history == null ? 1 : history.size();
        long[] longs = new long[2 * size];
        int[] ints = new int[2 * size];
        String[] currencies = new String[size];
        BigDecimal[] amounts = new BigDecimal[size];
        boolean narrow = true;
        for (int i = 0; i < size; i++) {
            DealAttributes attributes = history == null ? journey.attributes() : history.get(i).attributes();
            longs[2 * i] = history == null ? journey.openedAt().toEpochMilli() : history.get(i).at().toEpochMilli();
            BigDecimal amount = attributes == null ? null : attributes.amount();
            amounts[i] = amount;
            if (amount != null && amount.unscaledValue().bitLength() < 64) {
                longs[2 * i + 1] = amount.unscaledValue().longValue();
            } else {
                narrow &= amount == null;
            }
            ints[2 * i + 1] = amount == null ? NO_AMOUNT : amount.scale();
            String currency = attributes == null ? null : attributes.currency();
            currencies[i] = interner == null ? currency : interner.intern(currency);
            LocalDate date = attributes == null ? null : attributes.expectedCloseDate();
            ints[2 * i] = date == null ? NO_DATE : Math.toIntExact(date.toEpochDay());
        }
        return new AttributeTimeline(longs, ints, size == 1 ? currencies[0] : currencies, narrow ? null : amounts);
    }

    /** Number of entries: one more than the attribute changes it knows. */
    public int size() {
        return ints.length / 2;
    }

    /** Epoch milliseconds entry {@code i} took effect. */
    public long at(int i) {
        return longs[2 * i];
    }

    /** The amount of entry {@code i}, or null when the deal had none. */
    public BigDecimal amount(int i) {
        if (wide != null) {
            return wide[i];
        }
        int scale = ints[2 * i + 1];
        return scale == NO_AMOUNT ? null : BigDecimal.valueOf(longs[2 * i + 1], scale);
    }

    public String currency(int i) {
        return currencies instanceof String[] all ? all[i] : (String) currencies;
    }

    /** The expected close date of entry {@code i} as an epoch day, or {@link #NO_DATE}. */
    public int closeDate(int i) {
        return ints[2 * i];
    }

    /**
     * The entry in force at {@code time} (inclusive: a change at that millisecond counts), or 0 before the first;
     * entries are few, so a scan from the end.
     */
    public int entryAt(long time) {
        int i = size() - 1;
        while (i > 0 && at(i) > time) {
            i--;
        }
        return i;
    }
}
