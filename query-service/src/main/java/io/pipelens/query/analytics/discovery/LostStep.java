package io.pipelens.query.analytics.discovery;

import io.pipelens.query.analytics.Interval;

/**
 * A proposed step, lacked by lost deals and by the sample.
 *
 * @param lostLacking   lost deals (closed within the sample's close times) without the step
 * @param lostShare     lostLacking ÷ lost deals, with its Wilson interval; null without lost deals
 * @param sampleLacking sample deals without the step
 * @param sampleShare   sampleLacking ÷ sample size, with its Wilson interval
 */
public record LostStep(String key, int lostLacking, Double lostShare, Interval lostShareCi, int sampleLacking,
                       Double sampleShare, Interval sampleShareCi) {
}
