package io.pipelens.query.deal;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;

/**
 * Stores a calendar date as its ISO text, {@code 2026-03-31}. Spring Data's default writes a {@link LocalDate} as the
 * instant of its midnight in the JVM's time zone, so the date read back would depend on the zone of the reader.
 */
public final class IsoDateConverter implements MongoValueConverter<LocalDate, String> {

    @Override
    public LocalDate read(String value, MongoConversionContext context) {
        return LocalDate.parse(value);
    }

    @Override
    public String write(LocalDate value, MongoConversionContext context) {
        return value.toString();
    }
}
