package io.pipelens.query.analytics.skipimpact;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A deal attribute that adjusted skip impact (DESIGN §9.2) stratifies by. Strata are the combinations of the chosen
 * attributes' values; a deal without a value is in a level of its own.
 */
public enum AdjustFor {

    /** The deal's owner. */
    OWNER,
    /** Where the deal came from. */
    SOURCE,
    /** The deal's market segment. */
    SEGMENT,
    /** The quartile (1 to 4) of the deal's amount among the population's deals in the same currency. */
    AMOUNT_BAND,
    /** The UTC calendar quarter the deal was opened in, e.g. {@code 2025-Q1}. */
    OPENED_QUARTER;

    /**
     * The value named {@code name}.
     *
     * @throws IllegalArgumentException naming the field {@code adjustFor}, the value and the accepted ones, when
     *                                  {@code name} is none of them
     */
    public static AdjustFor of(String name) {
        for (AdjustFor value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("adjustFor: unknown value '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
