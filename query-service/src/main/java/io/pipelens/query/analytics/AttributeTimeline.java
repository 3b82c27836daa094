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
 * values. Parallel arrays of primitives beside the times (an amount as its unscaled value and scale, a date as its
 * epoch day, a currency as a shared string), so a deal costs a few small arrays and no object per change; an amount
 * too wide for a long keeps its {@code BigDecimal}.
 */
public final class AttributeTimeline {

    /** The epoch day of "no expected close date". */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private static final byte NO_AMOUNT = Byte.MIN_VALUE;

    private final long[] at;
    private final long[] unscaled;
    private final byte[] scales;
    private final BigDecimal[] wide;
    private final String[] currencies;
    private final int[] closeDates;

    private AttributeTimeline(long[] at, long[] unscaled, byte[] scales, BigDecimal[] wide, String[] currencies,
                              int[] closeDates) {
        this.at = at;
        this.unscaled = unscaled;
        this.scales = scales;
        this.wide = wide;
        this.currencies = currencies;
        this.closeDates = closeDates;
    }

    static AttributeTimeline of(DealJourney journey, Interner interner) {
        List<AttributesAt> history = journey.attributeHistory();
        int size = history == null ? 1 : history.size();
        long[] at = new long[size];
        BigDecimal[] amounts = new BigDecimal[size];
        boolean narrow = true;
        String[] currencies = new String[size];
        int[] closeDates = new int[size];
        for (int i = 0; i < size; i++) {
            DealAttributes attributes = history == null ? journey.attributes() : history.get(i).attributes();
            at[i] = history == null ? journey.openedAt().toEpochMilli() : history.get(i).at().toEpochMilli();
            amounts[i] = attributes == null ? null : attributes.amount();
            narrow &= amounts[i] == null || fitsNarrow(amounts[i]);
            String currency = attributes == null ? null : attributes.currency();
            currencies[i] = interner == null ? currency : interner.intern(currency);
            LocalDate date = attributes == null ? null : attributes.expectedCloseDate();
            closeDates[i] = date == null ? NO_DATE : Math.toIntExact(date.toEpochDay());
        }
        if (!narrow) {
            return new AttributeTimeline(at, null, null, amounts, currencies, closeDates);
        }
        long[] unscaled = new long[size];
        byte[] scales = new byte[size];
        for (int i = 0; i < size; i++) {
            scales[i] = amounts[i] == null ? NO_AMOUNT : (byte) amounts[i].scale();
            unscaled[i] = amounts[i] == null ? 0 : amounts[i].unscaledValue().longValueExact();
        }
        return new AttributeTimeline(at, unscaled, scales, null, currencies, closeDates);
    }

    private static boolean fitsNarrow(BigDecimal amount) {
        return amount.scale() > NO_AMOUNT && amount.scale() <= Byte.MAX_VALUE && amount.unscaledValue().bitLength() < 64;
    }

    /** Number of entries: one more than the attribute changes it knows. */
    public int size() {
        return at.length;
    }

    /** Epoch milliseconds entry {@code i} took effect. */
    public long at(int i) {
        return at[i];
    }

    /** The amount of entry {@code i}, or null when the deal had none. */
    public BigDecimal amount(int i) {
        if (wide != null) {
            return wide[i];
        }
        return scales[i] == NO_AMOUNT ? null : BigDecimal.valueOf(unscaled[i], scales[i]);
    }

    public String currency(int i) {
        return currencies[i];
    }

    /** The expected close date of entry {@code i} as an epoch day, or {@link #NO_DATE}. */
    public int closeDate(int i) {
        return closeDates[i];
    }

    /**
     * The entry in force at {@code time} (inclusive: a change at that millisecond counts), or 0 before the first;
     * entries are few, so a scan from the end.
     */
    public int entryAt(long time) {
        int i = at.length - 1;
        while (i > 0 && at[i] > time) {
            i--;
        }
        return i;
    }
}
