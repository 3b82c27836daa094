package io.pipelens.platform.graphql;

import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;

/** {@code DateTime}: an instant written as ISO-8601 with an offset, for example {@code 2026-03-01T09:30:00Z}. */
final class DateTimeScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with an offset, for example 2026-03-01T09:30:00Z")
            .coercing(new TextScalar<>(Instant.class, text -> OffsetDateTime.parse(text).toInstant(),
                    "DateTime must be ISO-8601 with an offset, for example 2026-03-01T09:30:00Z"))
            .build();

    private DateTimeScalar() {
    }
}
