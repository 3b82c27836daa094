package io.pipelens.query.analytics.criteria;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.WilsonInterval;
import java.util.List;

/**
 * How the deals left one stage forward (DESIGN §9.1). See docs/metrics.md for every definition.
 *
 * @param forwardExits   forward exits from the stage: moves to a later stage, and wins
 * @param recorded       of those, exits that recorded their confirmed criteria (an empty list included)
 * @param fullyConfirmed of those, exits that confirmed every item of the stage's checklist
 * @param items          the stage's checklist, item by item; empty when it has none
 */
public record StageCompliance(int position, String key, int forwardExits, int recorded, int fullyConfirmed,
                              List<ItemCompliance> items) {

    /** recorded ÷ forwardExits; null without forward exits. */
    public Double recordedShare() {
        return Ratios.ratio(recorded, forwardExits);
    }

    public Interval recordedShareCi() {
        return WilsonInterval.of(recorded, forwardExits);
    }

    /** fullyConfirmed ÷ recorded; null without recorded exits. */
    public Double fullyConfirmedShare() {
        return Ratios.ratio(fullyConfirmed, recorded);
    }

    public Interval fullyConfirmedShareCi() {
        return WilsonInterval.of(fullyConfirmed, recorded);
    }
}
