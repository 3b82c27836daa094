package io.pipelens.query.analytics;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one instance of each attribute value (owner, source, segment, currency) and recorded stage key, so a million
 * deals share a few hundred strings instead of holding a million copies; and one instance of each sequence of
 * recorded stage keys, which most deals share with many others. A sequence is held weakly: each move gives a deal a
 * longer one, and the shorter one goes once no deal holds it.
 */
final class Interner {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
    private final Map<RawSteps, WeakReference<RawSteps>> steps = new WeakHashMap<>();

    String intern(String value) {
        if (value == null) {
            return null;
        }
        String known = values.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    synchronized RawSteps intern(RawSteps sequence) {
        WeakReference<RawSteps> known = steps.get(sequence);
        RawSteps held = known == null ? null : known.get();
        if (held != null) {
            return held;
        }
        steps.put(sequence, new WeakReference<>(sequence));
        return sequence;
    }

    synchronized void clear() {
        values.clear();
        steps.clear();
    }
}
