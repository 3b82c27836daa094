package io.pipelens.platform.config;

import java.time.Duration;

/**
 * Checks of bound {@code pipelens.*} values, made in the properties records' constructors so that a bad value stops
 * the start with a message naming the key, the rule and the value given.
 */
public final class Require {

    private Require() {
    }

    /** Throws {@code "<key>: must be <rule>, got <value>"} unless {@code valid}. */
    public static void that(boolean valid, String key, String rule, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(key + ": must be " + rule + ", got " + value);
        }
    }

    /** A duration above zero. */
    public static void positive(Duration value, String key) {
        that(value != null && !value.isNegative() && !value.isZero(), key, "a positive duration, such as 10s", value);
    }

    /** An integer of at least {@code min}. */
    public static void atLeast(long min, long value, String key) {
        that(value >= min, key, "at least " + min, value);
    }
}
