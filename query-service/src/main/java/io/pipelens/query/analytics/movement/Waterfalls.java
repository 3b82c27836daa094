package io.pipelens.query.analytics.movement;

import io.pipelens.query.analytics.AttributeTimeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open-amount waterfalls of one movement answer, one per currency, summed exactly in decimal. An entry without an
 * amount adds nothing; one with an amount and no currency cannot be recorded (a currency is required with an amount),
 * so it has no waterfall to go into.
 */
final class Waterfalls {

    static final int START = 0;
    static final int OPENED = 1;
    static final int REOPENED = 2;
    static final int INCREASES = 3;
    static final int DECREASES = 4;
    static final int WON = 5;
    static final int LOST = 6;
    static final int END = 7;

    private final Map<String, BigDecimal[]> byCurrency = new TreeMap<>();

    /** Adds the amount of the timeline's entry {@code entry} to {@code part}. */
    void add(AttributeTimeline timeline, int entry, int part) {
        add(timeline.currency(entry), timeline.amount(entry), part);
    }

    /** The attribute change that made entry {@code j}: a difference in one currency, or a move between two. */
    void change(AttributeTimeline timeline, int j) {
        String before = timeline.currency(j - 1);
        String after = timeline.currency(j);
        BigDecimal was = timeline.amount(j - 1);
        BigDecimal is = timeline.amount(j);
        if (before != null && before.equals(after) && was != null && is != null) {
            int sign = is.compareTo(was);
            if (sign != 0) {
                add(after, is.subtract(was).abs(), sign > 0 ? INCREASES : DECREASES);
            }
        } else {
            add(before, was, DECREASES);
            add(after, is, INCREASES);
        }
    }

    private void add(String currency, BigDecimal amount, int part) {
        if (currency == null || amount == null) {
            return;
        }
        BigDecimal[] parts = byCurrency.computeIfAbsent(currency, c -> {
            BigDecimal[] zeros = new BigDecimal[END + 1];
            Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        });
        parts[part] = parts[part].add(amount);
    }

    /** One waterfall per currency met, in currency order. */
    List<CurrencyMovement> movements() {
        List<CurrencyMovement> movements = new ArrayList<>(byCurrency.size());
        byCurrency.forEach((currency, p) -> movements.add(new CurrencyMovement(currency, p[START], p[OPENED],
                p[REOPENED], p[INCREASES], p[DECREASES], p[WON], p[LOST], p[END])));
        return List.copyOf(movements);
    }
}
