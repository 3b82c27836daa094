package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealAttributes;
import java.time.Instant;

/**
 * The attributes a deal had from {@code at} on, until its next attribute change: one entry of the history that makes
 * an answer as of a past instant filter on the values the deal had then (DESIGN §10.1).
 *
 * @param at         business time the attributes took effect: the opening, or an attribute change
 * @param attributes the deal's whole attribute record from then on
 */
public record AttributesAt(Instant at, DealAttributes attributes) {
}
