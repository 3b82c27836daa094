package io.pipelens.kernel.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pipelens.kernel.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The descriptive attributes of a deal, all optional: who owns it, where it came from, the market segment, its
 * expected amount in a currency, and the calendar date it is expected to close on.
 *
 * <p>{@code expectedCloseDate} joined revision 1 of the events that carry attributes without a new revision: it is
 * written only when given, so attributes without it are exactly the JSON stored before it existed, and stored
 * attributes read back without an expected close date.
 *
 * @param expectedCloseDate the seller's expected close date, a calendar date without time zone: null when not given
 */
public record DealAttributes(String owner, String source, String segment, BigDecimal amount, String currency,
                             @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate expectedCloseDate) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TEXT = 200;
    /** Dates a deal can plausibly close on; the bounds keep a number read as days since 1970 from passing as a date. */
    private static final LocalDate FIRST_CLOSE_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_CLOSE_DATE = LocalDate.of(9999, 12, 31);

    public static final DealAttributes NONE = new DealAttributes(null, null, null, null, null);

    /** Attributes without an expected close date. */
    public DealAttributes(String owner, String source, String segment, BigDecimal amount, String currency) {
        this(owner, source, segment, amount, currency, null);
    }

    /** Checks the attributes; field names are prefixed with {@code prefix}. */
    public List<Violation> validate(String prefix) {
        List<Violation> violations = new ArrayList<>();
        checkText(prefix + "owner", owner, violations);
        checkText(prefix + "source", source, violations);
        checkText(prefix + "segment", segment, violations);
        if (amount != null && amount.signum() < 0) {
            violations.add(new Violation(prefix + "amount", "must not be negative, was " + amount.toPlainString()));
        }
        if (amount != null && currency == null) {
            violations.add(new Violation(prefix + "currency", "is required when an amount is given"));
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            violations.add(new Violation(prefix + "currency", "must be an ISO-4217 code of three capital letters, was '"
                    + currency + "'"));
        }
        if (expectedCloseDate != null
                && (expectedCloseDate.isBefore(FIRST_CLOSE_DATE) || expectedCloseDate.isAfter(LAST_CLOSE_DATE))) {
            violations.add(new Violation(prefix + "expectedCloseDate", "must be a date from " + FIRST_CLOSE_DATE
                    + " to " + LAST_CLOSE_DATE + ", was " + expectedCloseDate));
        }
        return violations;
    }

    private static void checkText(String field, String value, List<Violation> violations) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT)) {
            violations.add(new Violation(field, "must be 1 to " + MAX_TEXT + " characters when given"));
        }
    }
}
