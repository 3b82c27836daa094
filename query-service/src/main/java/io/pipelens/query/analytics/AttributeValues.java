package io.pipelens.query.analytics;

import io.pipelens.kernel.deal.DealAttributes;
import java.math.BigDecimal;

/**
 * The attribute values a metric reads from a deal, as they were for a stretch of its history: what a deal's view as
 * of an earlier instant filters and sums on (DESIGN §10.1).
 *
 * @param amount the amount, or NaN when the deal had none
 */
record AttributeValues(String owner, String source, String segment, String currency, double amount) {

    static AttributeValues of(DealAttributes attributes, Interner interner) {
        if (attributes == null) {
            return new AttributeValues(null, null, null, null, Double.NaN);
        }
        BigDecimal amount = attributes.amount();
        return new AttributeValues(intern(interner, attributes.owner()), intern(interner, attributes.source()),
                intern(interner, attributes.segment()), intern(interner, attributes.currency()),
                amount == null ? Double.NaN : amount.doubleValue());
    }

    private static String intern(Interner interner, String value) {
        return interner == null ? value : interner.intern(value);
    }
}
