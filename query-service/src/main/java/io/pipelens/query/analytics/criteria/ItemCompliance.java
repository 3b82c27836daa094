package io.pipelens.query.analytics.criteria;

import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Ratios;
import io.pipelens.query.analytics.WilsonInterval;

/**
 * One checklist item of a stage: how many of the stage's recorded forward exits confirmed it.
 *
 * @param text      the item's text in the analysed version
 * @param confirmed recorded exits from the stage that confirmed the item
 * @param recorded  recorded exits from the stage
 */
public record ItemCompliance(String key, String text, int confirmed, int recorded) {

    /** confirmed ÷ recorded; null without recorded exits. */
    public Double share() {
        return Ratios.ratio(confirmed, recorded);
    }

    public Interval shareCi() {
        return WilsonInterval.of(confirmed, recorded);
    }
}
