package io.pipelens.query.analytics.movement;

import java.math.BigDecimal;

/**
 * The open-amount waterfall of one currency between t0 and t1 (DESIGN §10.3), exact in decimal: end = start + opened +
 * reopened + increases − decreases − won − lost.
 */
public record CurrencyMovement(String currency, BigDecimal start, BigDecimal opened, BigDecimal reopened,
                               BigDecimal increases, BigDecimal decreases, BigDecimal won, BigDecimal lost,
                               BigDecimal end) {
}
