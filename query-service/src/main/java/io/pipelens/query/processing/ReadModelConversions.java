package io.pipelens.query.processing;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How the read models store the values MongoDB has no exact type for, wherever they are nested: a decimal as its
 * string, so that an amount reads back with the scale it was written with, and a calendar date as its ISO text
 * ({@code 2026-03-31}). The mapping's default would store a date as the instant of its midnight in the JVM's time
 * zone, so a service in another zone would read another day. The hand-written codecs write the same forms.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return create();
    }

    /** The conversions, for a template built by hand. */
    public static MongoCustomConversions create() {
        return MongoCustomConversions.create(adapter -> adapter.bigDecimal(BigDecimalRepresentation.STRING)
                .registerConverters(List.of(DateToText.INSTANCE, TextToDate.INSTANCE)));
    }

    @WritingConverter
    private enum DateToText implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate date) {
            return date.toString();
        }
    }

    @ReadingConverter
    private enum TextToDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String text) {
            return LocalDate.parse(text);
        }
    }
}
