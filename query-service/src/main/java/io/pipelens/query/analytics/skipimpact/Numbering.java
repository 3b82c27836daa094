package io.pipelens.query.analytics.skipimpact;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers values from 0 in order of first appearance (null is a value). Attribute values in the analytic index are
 * interned, so the few values most deals carry are found by identity among the first ones numbered, before any hash
 * is computed; other values go through a hash map.
 */
final class Numbering {

    private static final int BY_IDENTITY = 16;

    private final Map<Object, Integer> numbers = new HashMap<>();
    private final Object[] first = new Object[BY_IDENTITY];

    /** The value's number, numbering it when it is new. */
    int of(Object value) {
        int known = Math.min(numbers.size(), BY_IDENTITY);
        for (int i = 0; i < known; i++) {
            if (first[i] == value) {
                return i;
            }
        }
        Integer number = numbers.get(value);
        if (number == null) {
            number = numbers.size();
            numbers.put(value, number);
            if (number < BY_IDENTITY) {
                first[number] = value;
            }
        }
        return number;
    }

    /** How many values are numbered. */
    int count() {
        return numbers.size();
    }

}
