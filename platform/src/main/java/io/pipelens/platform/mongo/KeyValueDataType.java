package io.pipelens.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Index keys ordered as MongoDB orders values, compared without serializing them. Keys arrive normalized (numbers as
 * doubles), so two keys compare equal exactly when they are equal; should two unequal keys ever tie in MongoDB's order,
 * they are told apart by H2's own comparison, so the order stays total and agrees with {@code equals}. Keys are
 * written to pages with H2's object encoding: that happens when a page is saved, not per comparison.
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    static final KeyValueDataType INSTANCE = new KeyValueDataType();

    private final ObjectDataType encoding = new ObjectDataType();

    private KeyValueDataType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = ValueComparator.ascWithoutListHandling().compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        return Objects.equals(a, b) ? 0 : encoding.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + text.length() : 24;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        encoding.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) encoding.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
