package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealAttributes;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * {@link DealAttributes} to and from the document Spring Data's mapping writes for it, component by component as the
 * record declares them, so that an attribute added to the kernel record is stored and read back with no change here.
 * Values as the service stores them: decimals as strings, instants as dates, nulls left out; a calendar date as its ISO
 * text, as {@code ReadModelConversions} has the mapping write it (a date stored as the instant of its midnight, as
 * the mapping's default wrote it, is read in the JVM's zone, as the mapping would read it). A
 * component of another type is refused when the codec is first used, not silently dropped.
 */
final class AttributesCodec {

    private static final RecordComponent[] COMPONENTS = DealAttributes.class.getRecordComponents();
    private static final Constructor<DealAttributes> CANONICAL = canonical();

    private AttributesCodec() {
    }

    static Document encode(DealAttributes attributes) {
        Document document = new Document();
        for (RecordComponent component : COMPONENTS) {
            Object value = stored(read(component, attributes));
            if (value != null) {
                document.put(component.getName(), value);
            }
        }
        return document;
    }

    static DealAttributes decode(Document document) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(COMPONENTS[i].getType(), document.get(COMPONENTS[i].getName()));
        }
        try {
            return CANONICAL.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read stored deal attributes " + document.toJson(), e);
        }
    }

    private static Object read(RecordComponent component, DealAttributes attributes) {
        try {
            return component.getAccessor().invoke(attributes);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read deal attribute " + component.getName(), e);
        }
    }

    private static Object stored(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        throw new IllegalStateException("no stored form for a deal attribute of type " + value.getClass().getName());
    }

    private static Object value(Class<?> type, Object stored) {
        if (stored == null) {
            return null;
        }
        if (type == BigDecimal.class) {
            return stored instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(stored.toString());
        }
        if (type == Instant.class) {
            return ((Date) stored).toInstant();
        }
        if (type == LocalDate.class) {
            return stored instanceof Date midnight ? LocalDate.ofInstant(midnight.toInstant(), ZoneId.systemDefault())
                    : LocalDate.parse(stored.toString());
        }
        return stored;
    }

    private static Constructor<DealAttributes> canonical() {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = COMPONENTS[i].getType();
        }
        try {
            return DealAttributes.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DealAttributes has no canonical constructor", e);
        }
    }
}
