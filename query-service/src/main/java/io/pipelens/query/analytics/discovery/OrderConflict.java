package io.pipelens.query.analytics.discovery;

/**
 * Two proposed steps the order puts {@code first} before {@code then} although more sample deals did them the other
 * way round.
 *
 * @param asProposed deals with {@code first} before {@code then}
 * @param reversed   deals with {@code then} before {@code first}; above asProposed
 */
public record OrderConflict(String first, String then, int asProposed, int reversed) {
}
