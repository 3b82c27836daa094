package io.pipelens.query.analytics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one instance of each attribute value (owner, source, segment, currency) and recorded stage key, so a million
 * deals share a few hundred strings instead of holding a million copies; and one instance of each sequence of
 * recorded stage keys, which most deals share with many others.
 */
final class Interner {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RawSteps, RawSteps> steps = new ConcurrentHashMap<>();

    String intern(String value) {
        if (value == null) {
            return null;
        }
        String known = values.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    RawSteps intern(RawSteps sequence) {
        RawSteps known = steps.putIfAbsent(sequence, sequence);
        return known == null ? sequence : known;
    }

    void clear() {
        values.clear();
        steps.clear();
    }
}
