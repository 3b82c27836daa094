package io.pipelens.query.analytics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one instance of each attribute value (owner, source, segment, currency), so a million deals share a few
 * hundred strings instead of holding a million copies.
 */
final class Interner {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

    String intern(String value) {
        if (value == null) {
            return null;
        }
        String known = values.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    void clear() {
        values.clear();
    }
}
