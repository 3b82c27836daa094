package io.pipelens.query.analytics.movement;

import java.time.Instant;
import java.util.List;

/** Movement between two instants under one pipeline version, over {@code deals} selected deals. */
public record MovementReport(int version, Instant from, Instant to, int deals, List<StageMovement> stages,
                             List<CurrencyMovement> currencies, Slippage slippage) {
}
