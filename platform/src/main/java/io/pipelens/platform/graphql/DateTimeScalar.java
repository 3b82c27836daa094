package io.pipelens.platform.graphql;

import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code DateTime}: an instant written as ISO-8601 with an offset, for example {@code 2026-03-01T09:30:00Z}. */
final class DateTimeScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with an offset, for example 2026-03-01T09:30:00Z")
            .coercing(new TextScalar<>(Instant.class, DateTimeScalar::parse,
                    "DateTime must be ISO-8601 with an offset, for example 2026-03-01T09:30:00Z"))
            .build();

    /** Instants a history can hold: outside them, epoch milliseconds overflow and no sales history lies there. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static Instant parse(String text) {
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 0000 to 9999", text, 0);
        }
        return instant;
    }

    private DateTimeScalar() {
    }
}
