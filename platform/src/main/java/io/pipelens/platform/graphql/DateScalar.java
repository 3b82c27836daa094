package io.pipelens.platform.graphql;

import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;

/** {@code Date}: a calendar date without time or zone, ISO-8601 as {@code yyyy-MM-dd}, for example 2026-03-31. */
final class DateScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date without time or zone, ISO-8601, for example 2026-03-31")
            .coercing(new TextScalar<>(LocalDate.class, LocalDate::parse,
                    "Date must be a calendar date yyyy-MM-dd, for example 2026-03-31"))
            .build();

    private DateScalar() {
    }
}
