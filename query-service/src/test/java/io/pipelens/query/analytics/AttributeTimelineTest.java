package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealAttributes;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The timeline gives back every amount exactly, scale included, however it stores it. */
class AttributeTimelineTest {

    private static AttributeTimeline timeline(String... amounts) {
        DealHistory deal = DealHistory.deal("t").worth(amounts[0], "EUR").openedAt("a", 0);
        for (int i = 1; i < amounts.length; i++) {
            deal.attributesChanged(new DealAttributes(null, null, null,
                    amounts[i] == null ? null : new BigDecimal(amounts[i]), "USD", LocalDate.of(2025, 3, i)),
                    DealHistory.day(i));
        }
        return AttributeTimeline.of(deal.journey(), null);
    }

    @Test
    void keepsNarrowAmountsWithTheirScaleAndNoAmountAsNull() {
        AttributeTimeline timeline = timeline("1200.50", "1E+3", null, "0.000001");

        assertThat(timeline.size()).isEqualTo(4);
        assertThat(timeline.amount(0)).isEqualTo(new BigDecimal("1200.50"));
        assertThat(timeline.amount(1)).isEqualTo(new BigDecimal("1E+3"));
        assertThat(timeline.amount(2)).isNull();
        assertThat(timeline.amount(3)).isEqualTo(new BigDecimal("0.000001"));
        assertThat(timeline.currency(0)).isEqualTo("EUR");
        assertThat(timeline.currency(1)).isEqualTo("USD");
        assertThat(timeline.closeDate(0)).isEqualTo(AttributeTimeline.NO_DATE);
        assertThat(timeline.closeDate(2)).isEqualTo(LocalDate.of(2025, 3, 2).toEpochDay());
        assertThat(timeline.entryAt(DealHistory.day(2).toEpochMilli())).isEqualTo(2);
        assertThat(timeline.entryAt(DealHistory.day(2).toEpochMilli() - 1)).isEqualTo(1);
    }

    @Test
    void keepsAnAmountTooWideForALongExactly() {
        AttributeTimeline timeline = timeline("5", "123456789012345678901234567890.12");

        assertThat(timeline.amount(0)).isEqualTo(new BigDecimal("5"));
        assertThat(timeline.amount(1)).isEqualTo(new BigDecimal("123456789012345678901234567890.12"));
    }
}
